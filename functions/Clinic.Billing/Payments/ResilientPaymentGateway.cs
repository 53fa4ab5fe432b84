using System.Runtime.ExceptionServices;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Clinic.Billing.Payments;

/// <summary>
/// Any payment provider's adapter behind the <c>PaymentGateway</c> pipeline: a circuit breaker, which opens
/// when the provider keeps failing and then refuses calls at once without sending them, and a timeout of each
/// call. One attempt per call and no retry here: the durable activity around it is retried by the
/// orchestration's RetryPolicy, and a second retry layer inside each activity attempt would multiply the
/// provider's calls. Failures leave as <see cref="TransientPaymentException"/>; an open circuit's wraps the
/// <see cref="BrokenCircuitException"/>, so that an activity can tell it apart and wait durably instead.
/// </summary>
internal sealed class ResilientPaymentGateway(
    IPaymentGateway provider, ResiliencePipeline<int> resilience, TimeSpan attemptTimeout) : IPaymentGateway
{
    /// <summary>What the pipeline sees of a call that got an answer, approved or declined: no failure.</summary>
    private const int Answered = 200;

    public Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken) =>
        CallAsync(token => provider.ChargeAsync(request, token), cancellationToken);

    public Task<ChargeResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        CallAsync(token => provider.RefundAsync(request, token), cancellationToken);

    private async Task<ChargeResult> CallAsync(
        Func<CancellationToken, Task<ChargeResult>> call, CancellationToken cancellationToken)
    {
        ChargeResult? result = null;
        ExceptionDispatchInfo? undecided = null;
        try
        {
            await resilience.ExecuteAsync(
                async token =>
                {
                    // Still processing is an answer, only not an outcome yet: no failure for the breaker.
                    try
                    {
                        result = await AttemptAsync(call, token);
                    }
                    catch (PaymentStillProcessingException exception)
                    {
                        undecided = ExceptionDispatchInfo.Capture(exception);
                    }

                    return Answered;
                },
                cancellationToken);
            undecided?.Throw();
            return result!;
        }
        catch (BrokenCircuitException exception)
        {
            throw new TransientPaymentException(
                "The payment provider's circuit is open; the call was not sent.", exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new TransientPaymentException("The payment provider did not answer in time.", exception);
        }
    }

    private async Task<ChargeResult> AttemptAsync(
        Func<CancellationToken, Task<ChargeResult>> call, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(attemptTimeout);
        try
        {
            // An adapter that ignores cancellation is abandoned at the timeout all the same.
            return await call(attempt.Token).WaitAsync(attempt.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A slow answer is a transient failure that the breaker counts, not a cancellation.
            throw new TransientPaymentException(
                "The payment provider did not answer in time.", new TimeoutException(null, exception));
        }
    }
}
