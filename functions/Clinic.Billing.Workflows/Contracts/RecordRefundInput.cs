namespace Clinic.Billing.Workflows.Contracts;

public sealed record RecordRefundInput(string PatientId, string InvoiceId, string RefundReference);
