using Clinic.Billing.Domain;

namespace Clinic.Billing.Payments;

/// <summary>
/// A refund of a charge; calls with one <paramref name="IdempotencyKey"/> refund at most once.
/// </summary>
public sealed record RefundRequest(string PaymentReference, Money Amount, string IdempotencyKey);
