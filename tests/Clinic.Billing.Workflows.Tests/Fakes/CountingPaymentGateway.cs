using Clinic.Billing.Payments;

namespace Clinic.Billing.Workflows.Tests.Fakes;

/// <summary>
/// The simulated provider, counting every call that reaches it (past the breaker, which sits in front of it
/// as in the app); it can also hold a charge, as a slow provider would, or approve without the card's last
/// four digits, as a provider may.
/// </summary>
internal sealed class CountingPaymentGateway(SimulatedPaymentGateway inner) : IPaymentGateway
{
    private int _chargeCalls;
    private int _refundCalls;
    private int _holdNextCharge;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ChargeCalls => Volatile.Read(ref _chargeCalls);

    /// <summary>Approved charges come back without the card's last four digits.</summary>
    public bool WithoutCardDigits { get; set; }

    public int RefundCalls => Volatile.Read(ref _refundCalls);

    /// <summary>Approved charges across all keys; a replayed answer adds none.</summary>
    public int Captures => inner.Captures;

    /// <summary>Approved refunds across all keys; a replayed answer adds none.</summary>
    public int Refunds => inner.Refunds;

    /// <summary>The next charge waits for <see cref="ReleaseHeldCharge"/>, as a slow provider's would.</summary>
    public void HoldNextCharge()
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _holdNextCharge, 1);
    }

    public void ReleaseHeldCharge() => _release.TrySetResult();

    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _chargeCalls);
        if (Interlocked.Exchange(ref _holdNextCharge, 0) == 1)
            await _release.Task;
        var result = await inner.ChargeAsync(request, cancellationToken);
        return WithoutCardDigits ? result with { CardLast4 = null } : result;
    }

    public Task<ChargeResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refundCalls);
        return inner.RefundAsync(request, cancellationToken);
    }
}
