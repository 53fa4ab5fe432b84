namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// An invoice and the payment attempt acting on it: <paramref name="PaymentAttemptId"/> is the payment
/// orchestration's instance id, recorded as the owner of the pending invoice.
/// </summary>
public sealed record PaymentAttemptRef(string PatientId, string InvoiceId, string PaymentAttemptId);
