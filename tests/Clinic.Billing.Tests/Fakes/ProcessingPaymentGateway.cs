using Clinic.Billing.Payments;

namespace Clinic.Billing.Tests.Fakes;

/// <summary>A provider that takes every charge but never decides it, counting the calls that reach it.</summary>
internal sealed class ProcessingPaymentGateway : IPaymentGateway
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        throw new PaymentStillProcessingException("The provider is still processing the charge.");
    }

    public Task<ChargeResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only charges are processed slowly here.");
}
