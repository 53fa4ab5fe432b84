namespace Clinic.Billing.Payments;

/// <summary>
/// The payment provider. Both calls are idempotent per idempotency key, answer declines with a result and
/// throw <see cref="TransientPaymentException"/> when the provider could not answer, so the caller retries.
/// </summary>
public interface IPaymentGateway
{
    Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds a charge; an approved result's reference is the refund's.</summary>
    Task<ChargeResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken);
}
