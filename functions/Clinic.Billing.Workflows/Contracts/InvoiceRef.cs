namespace Clinic.Billing.Workflows.Contracts;

/// <summary>An invoice by its key, as activities receive it.</summary>
public sealed record InvoiceRef(string PatientId, string InvoiceId);
