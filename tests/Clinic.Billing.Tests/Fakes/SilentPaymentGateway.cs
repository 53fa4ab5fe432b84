using Clinic.Billing.Payments;

namespace Clinic.Billing.Tests.Fakes;

/// <summary>A provider that never answers (a hung connection), until the call is cancelled.</summary>
internal sealed class SilentPaymentGateway : IPaymentGateway
{
    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("A silent provider never answers.");
    }

    public Task<ChargeResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        ChargeAsync(new ChargeRequest("inv-1", request.Amount, "tok_approve", request.IdempotencyKey),
            cancellationToken);
}
