using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// The second level behind a timeout and a circuit breaker, so that a slow or unreachable Redis costs a lookup
/// at most <see cref="RedisCacheOptions.Timeout"/>, and nothing at all once the circuit is open: reads then
/// count as misses and writes are skipped, and lookups go on from memory and storage. Removals still fail
/// loudly, so that the cache can log an invalidation that did not reach the other instances.
/// StackExchange.Redis ignores cancellation once a command is sent, so each call is awaited with
/// <c>WaitAsync</c>: the timeout ends the wait, and the abandoned command ends at the client's own timeout.
/// </summary>
internal sealed class GuardedDistributedCache : IDistributedCache
{
    private readonly IDistributedCache _inner;
    private readonly ResiliencePipeline _pipeline;

    public GuardedDistributedCache(IDistributedCache inner, RedisCacheOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);

        _inner = inner;
        _pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsFailure),
                // A short window: the successes from before an outage must not outvote its first failures
                // for long, when each failure has cost a lookup the whole timeout.
                FailureRatio = 0.5,
                MinimumThroughput = 3,
                SamplingDuration = TimeSpan.FromSeconds(2),
                BreakDuration = options.BreakDuration,
                OnOpened = opened =>
                {
                    var error = opened.Outcome.Exception?.GetType().Name ?? "Unknown";
                    Log.CacheSecondLevelUnavailable(logger, error, opened.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    Log.CacheSecondLevelRestored(logger);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.Timeout)
            .Build();
    }

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        try
        {
            return await CallAsync(cancellation => _inner.GetAsync(key, cancellation), token);
        }
        catch (Exception exception) when (IsSkippable(exception, token))
        {
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(
        string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        try
        {
            await CallAsync(cancellation => _inner.SetAsync(key, value, options, cancellation), token);
        }
        catch (Exception exception) when (IsSkippable(exception, token))
        {
            // Not shared this time; this instance still keeps it in memory.
        }
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        try
        {
            await CallAsync(cancellation => _inner.RefreshAsync(key, cancellation), token);
        }
        catch (Exception exception) when (IsSkippable(exception, token))
        {
            // A sliding expiration not renewed only shortens the entry's life.
        }
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        CallAsync(cancellation => _inner.RemoveAsync(key, cancellation), token);

    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken token) =>
        await _pipeline.ExecuteAsync(
            async cancellation => await call(cancellation).WaitAsync(cancellation), token);

    private Task CallAsync(Func<CancellationToken, Task> call, CancellationToken token) =>
        CallAsync(
            async cancellation =>
            {
                await call(cancellation);
                return true;
            },
            token);

    // A caller's cancellation is not a failure of Redis; a timeout (TimeoutRejectedException) is.
    private static bool IsFailure(Exception exception) => exception is not OperationCanceledException;

    private static bool IsSkippable(Exception exception, CancellationToken token) =>
        !token.IsCancellationRequested && (IsFailure(exception) || exception is BrokenCircuitException);
}
