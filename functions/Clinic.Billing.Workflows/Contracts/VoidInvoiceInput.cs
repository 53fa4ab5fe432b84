namespace Clinic.Billing.Workflows.Contracts;

/// <summary>Voids the invoice only in the version the orchestration read, so a payment started since wins.</summary>
public sealed record VoidInvoiceInput(string PatientId, string InvoiceId, int ExpectedVersion);
