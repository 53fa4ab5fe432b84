namespace Clinic.LoggingBenchmarks;

/// <summary>A billing-like event: the fields a payment record would log.</summary>
public sealed record BillingEvent(
    string InvoiceId, string PatientPseudonym, decimal Amount, string Currency, string CardLast4,
    string PaymentToken);
