namespace Clinic.Billing.Logging;

/// <summary>
/// The sealed part of a billing event: what an auditor may need and no log reader may see. Fields that do
/// not apply to an event stay null.
/// </summary>
internal sealed record BillingEventPayload(
    string InvoiceId,
    string? PatientId = null,
    decimal? Amount = null,
    string? Currency = null,
    string? PaymentToken = null,
    string? CardLast4 = null,
    string? PaymentReference = null,
    string? OutcomeCode = null);
