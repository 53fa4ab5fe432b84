using Clinic.Billing.Payments;
using Polly.CircuitBreaker;

namespace Clinic.Billing.Workflows.Tests.Fakes;

/// <summary>
/// The simulated gateway, counting every call that reaches it; it can also refuse the first calls as an
/// open circuit breaker would, wrapped as the Stripe gateway wraps it.
/// </summary>
internal sealed class CountingPaymentGateway(SimulatedPaymentGateway inner) : IPaymentGateway
{
    private int _chargeCalls;
    private int _refundCalls;
    private int _openCircuitCalls;
    private int _holdNextCharge;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ChargeCalls => Volatile.Read(ref _chargeCalls);

    public int RefundCalls => Volatile.Read(ref _refundCalls);

    /// <summary>Approved charges across all keys; a replayed answer adds none.</summary>
    public int Captures => inner.Captures;

    /// <summary>How many of the next calls find the circuit open.</summary>
    public int OpenCircuitCalls
    {
        get => Volatile.Read(ref _openCircuitCalls);
        set => Volatile.Write(ref _openCircuitCalls, value);
    }

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
        return await (RefuseIfOpen() ?? inner.ChargeAsync(request, cancellationToken));
    }

    public Task<ChargeResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refundCalls);
        return RefuseIfOpen() ?? inner.RefundAsync(request, cancellationToken);
    }

    private Task<ChargeResult>? RefuseIfOpen()
    {
        if (Interlocked.Decrement(ref _openCircuitCalls) < 0)
        {
            Interlocked.Increment(ref _openCircuitCalls);
            return null;
        }

        return Task.FromException<ChargeResult>(new TransientPaymentException(
            "Stripe could not be reached.", new BrokenCircuitException("The circuit is now open.")));
    }
}
