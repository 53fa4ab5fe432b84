using Clinic.Billing.Payments;

namespace Clinic.Billing.Workflows.Tests.Fakes;

/// <summary>
/// The simulated provider, counting every call that reaches it (past the breaker, which sits in front of it
/// as in the app); it can also hold a charge, as a slow provider would, answer that a charge is still
/// processing, or approve without the card's last four digits, as a provider may.
/// </summary>
internal sealed class CountingPaymentGateway(SimulatedPaymentGateway inner) : IPaymentGateway
{
    private int _chargeCalls;
    private int _refundCalls;
    private int _holdNextCharge;
    private int _stillProcessing;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ChargeCalls => Volatile.Read(ref _chargeCalls);

    /// <summary>Approved charges come back without the card's last four digits.</summary>
    public bool WithoutCardDigits { get; set; }

    public int RefundCalls => Volatile.Read(ref _refundCalls);

    /// <summary>The next this many charges answer that the provider is still processing them.</summary>
    public int StillProcessingCharges
    {
        get => Volatile.Read(ref _stillProcessing);
        set => Volatile.Write(ref _stillProcessing, value);
    }

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
        if (Interlocked.Decrement(ref _stillProcessing) >= 0)
            throw new PaymentStillProcessingException("The provider is still processing the charge.");

        var result = await inner.ChargeAsync(request, cancellationToken);
        return WithoutCardDigits ? result with { CardLast4 = null } : result;
    }

    public Task<ChargeResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refundCalls);
        return inner.RefundAsync(request, cancellationToken);
    }
}
