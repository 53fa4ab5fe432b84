using Clinic.Billing.Domain;
using Clinic.Platform.Privacy;

namespace Clinic.Billing.Payments;

/// <summary>
/// One charge of an invoice. <paramref name="PaymentToken"/> comes from the provider's payment form; card
/// numbers never reach this system. Calls with one <paramref name="IdempotencyKey"/> charge at most once.
/// </summary>
public sealed record ChargeRequest(
    string InvoiceId, Money Amount, [property: PaymentData] string PaymentToken, string IdempotencyKey);
