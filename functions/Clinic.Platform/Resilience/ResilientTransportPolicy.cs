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
                await ProcessNextAsync(message, pipeline).AsTask().WaitAsync(token);
                return message.Response.Status;
            },
            message.CancellationToken);
    }
}
