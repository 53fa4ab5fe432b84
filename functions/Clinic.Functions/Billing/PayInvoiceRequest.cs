using Clinic.Platform.Privacy;

namespace Clinic.Functions.Billing;

/// <summary>Pay an invoice with a token from the payment form; never a card number.</summary>
public sealed record PayInvoiceRequest([property: PaymentData] string? PaymentToken);
