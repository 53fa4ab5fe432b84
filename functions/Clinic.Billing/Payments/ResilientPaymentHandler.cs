using Polly;

namespace Clinic.Billing.Payments;

/// <summary>
/// Sends each request to the payment provider through the <c>PaymentGateway</c> Polly pipeline (total
/// timeout, retries of 408/429/5xx and network failures with backoff, circuit breaker), each attempt bounded
/// by <paramref name="attemptTimeout"/>. Retrying a charge is safe only because every request carries an
/// Idempotency-Key, which the provider honours.
/// </summary>
internal sealed class ResilientPaymentHandler(ResiliencePipeline<int> resilience, TimeSpan attemptTimeout)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        await resilience.ExecuteAsync(
            async token =>
            {
                response?.Dispose();
                response = await SendAttemptAsync(request, token);
                return (int)response.StatusCode;
            },
            cancellationToken);
        return response!;
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(attemptTimeout);
        try
        {
            return await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A slow attempt is a transient failure that the pipeline may retry, not a cancellation.
            throw new TimeoutException("The payment provider did not answer in time.", exception);
        }
    }
}
