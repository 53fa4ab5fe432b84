using Azure.Core;
using Azure.Core.Pipeline;
using Polly;

namespace Clinic.Platform.Resilience;

/// <summary>
/// Runs each Azure SDK request through a Polly pipeline (total timeout, retry, circuit breaker), in place of
/// the SDK's own retries, so storage calls share the app's resilience settings, telemetry and circuit. Each
/// attempt is bounded by the SDK's network timeout, which the pipeline treats as a transient failure.
/// </summary>
public sealed class ResilientTransportPolicy(ResiliencePipeline<int> resilience, TimeSpan attemptTimeout)
    : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(
        HttpMessage message,
        ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);

        message.NetworkTimeout = attemptTimeout;
        await resilience.ExecuteAsync(
            async token =>
            {
                // The SDK's message keeps its own token; a total timeout abandons the attempt in flight,
                // which then ends at its network timeout.
                try
                {
                    await ProcessNextAsync(message, pipeline).AsTask().WaitAsync(token);
                }
                catch (OperationCanceledException timedOut) when (
                    !message.CancellationToken.IsCancellationRequested && !token.IsCancellationRequested)
                {
                    // Nobody cancelled: the SDK gave up on an attempt that outlived its network timeout. Said
                    // as a timeout, it is retried, and past the retries the caller hears "unavailable" (503),
                    // not an unexpected error.
                    throw new TimeoutException(
                        "A dependency did not answer within the attempt timeout.", timedOut);
                }

                return message.Response.Status;
            },
            message.CancellationToken);
    }
}
