namespace Clinic.Billing.Workflows.Contracts;

public sealed record RecordFailureInput(string PatientId, string InvoiceId, string FailureCode);
