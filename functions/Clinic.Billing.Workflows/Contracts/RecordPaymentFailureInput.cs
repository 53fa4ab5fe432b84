namespace Clinic.Billing.Workflows.Contracts;

/// <summary>The final failure of the attempt that holds the pending invoice.</summary>
public sealed record RecordPaymentFailureInput(
    string PatientId, string InvoiceId, string PaymentAttemptId, string FailureCode);
