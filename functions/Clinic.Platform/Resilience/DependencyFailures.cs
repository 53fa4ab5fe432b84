using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Clinic.Platform.Resilience;

/// <summary>
/// Recognises a failure that means a dependency is unavailable right now, not a fault of the request.
/// </summary>
public static class DependencyFailures
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True for an open circuit, a timeout or a transient failure that outlived its retries.
    /// </summary>
    public static bool IsUnavailable(Exception exception, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(exception);

        retryAfter = DefaultRetryAfter;
        switch (exception)
        {
            case BrokenCircuitException broken:
                retryAfter = broken.RetryAfter ?? DefaultRetryAfter;
                return true;
            case TimeoutRejectedException:
                return true;
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Any(inner => IsUnavailable(inner, out _));
            default:
                return TransientResponses.IsTransient(exception);
        }
    }
}
