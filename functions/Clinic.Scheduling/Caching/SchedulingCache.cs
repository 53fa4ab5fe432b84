using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// Scheduling's lookups through <see cref="HybridCache"/>: memory first, then the optional second level, then
/// storage. Values are public or non-personal only (docs/caching.md). Storage stays the authority: writes
/// never consult this cache, they invalidate it after they commit.
/// </summary>
public sealed class SchedulingCache
{
    /// <summary>The read in progress on this call path, so that the cached values it uses report their age.</summary>
    private static readonly AsyncLocal<ReadScope?> CurrentRead = new();

    private const HybridCacheEntryFlags NotKept =
        HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite;

    /// <summary>What the stamp and the record around a value add to its estimated size.</summary>
    private const long StampBytes = 96;

    private readonly HybridCache _cache;
    private readonly InvalidationMarks _marks;
    private readonly CacheMetrics _metrics;
    private readonly IOptions<CacheOptions> _options;
    private readonly ILogger<SchedulingCache> _logger;

    internal SchedulingCache(
        HybridCache cache,
        InvalidationMarks marks,
        CacheMetrics metrics,
        IOptions<CacheOptions> options,
        ILogger<SchedulingCache> logger)
    {
        _cache = cache;
        _marks = marks;
        _metrics = metrics;
        _options = options;
        _logger = logger;
    }

    /// <summary>False when <c>Cache:Enabled</c> is off: every lookup then reads storage.</summary>
    public bool Enabled => _options.Value.Enabled;

    /// <summary>
    /// The cached value of <paramref name="entry"/>, or <paramref name="load"/>'s. A null value, or one whose
    /// estimated size (<paramref name="sizeOf"/>, in bytes) exceeds the payload limit, is returned but not kept.
    /// </summary>
    internal async Task<T> GetAsync<T>(
        CacheEntry entry,
        Func<CancellationToken, Task<T>> load,
        Func<T, long> sizeOf,
        CancellationToken cancellationToken)
    {
        if (!Enabled)
            return await load(cancellationToken);

        var lookup = new Lookup<T>(this, load, sizeOf);
        var stamped = await _cache.GetOrCreateAsync(
            entry.Key,
            lookup,
            static (lookup, context, token) => lookup.LoadAsync(context, token),
            new HybridCacheEntryOptions { Flags = entry.Flags },
            entry.Tags,
            cancellationToken);
        if (_marks.IsCurrent(stamped.Stamp, entry.Tags) && _marks.IsFresh(stamped.Stamp))
        {
            _metrics.Record(entry.View, hit: !lookup.Loaded);
            CurrentRead.Value?.Uses(stamped.Stamp);
            return stamped.Value;
        }

        // Read before a change committed here: read again, and replace the entry for the next lookups.
        var fresh = await ReadAsync(load, cancellationToken);
        if (SizeOf(fresh.Value, sizeOf) is { } size)
        {
            var options = new HybridCacheEntryOptions { Flags = entry.Flags, LocalSize = size };
            await _cache.SetAsync(entry.Key, fresh, options, entry.Tags, cancellationToken);
        }

        _metrics.Record(entry.View, hit: false);
        CurrentRead.Value?.Uses(fresh.Stamp);
        return fresh.Value;
    }

    /// <summary>
    /// Drops every entry carrying one of <paramref name="tags"/> at once on this instance, and the entries
    /// <paramref name="keys"/> from the second level. Never throws: the change it follows is committed.
    /// </summary>
    internal async Task InvalidateAsync(
        IReadOnlyList<string> tags, IReadOnlyList<string> keys, InvalidationReason reason)
    {
        if (!Enabled)
            return;

        // First, and in this process: whatever happens to the calls below, no older value is served here.
        _marks.Mark(tags);
        Log.CacheInvalidated(_logger, string.Join(' ', tags), reason);
        try
        {
            // The commit is done; a caller that gives up now must not leave the second level stale.
            await _cache.RemoveByTagAsync(tags, CancellationToken.None);
            await _cache.RemoveAsync(keys, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.CacheInvalidationFailed(_logger, string.Join(' ', tags), exception.GetType().Name);
        }
    }

    // The stamp takes the time of the oldest storage read behind the value: its own, or that of a cached value
    // the load used, which reports itself through the read scope.
    private async Task<Stamped<T>> ReadAsync<T>(
        Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        var stamp = _marks.Begin();
        var scope = new ReadScope(stamp.ReadAt);
        CurrentRead.Value = scope;
        var value = await load(cancellationToken);
        return new Stamped<T>(value, stamp with { ReadAt = scope.Oldest });
    }

    private long? SizeOf<T>(T value, Func<T, long> sizeOf)
    {
        if (value is null)
            return null;

        var size = sizeOf(value) + StampBytes;
        return size <= _options.Value.MaximumPayloadBytes ? size : null;
    }

    /// <summary>One lookup's factory: it remembers whether it ran, which is what makes the lookup a miss.</summary>
    private sealed class Lookup<T>(
        SchedulingCache owner, Func<CancellationToken, Task<T>> load, Func<T, long> sizeOf)
    {
        public bool Loaded { get; private set; }

        public async ValueTask<Stamped<T>> LoadAsync(
            HybridCacheEntryContext context, CancellationToken cancellationToken)
        {
            Loaded = true;
            var stamped = await owner.ReadAsync(load, cancellationToken);

            if (owner.SizeOf(stamped.Value, sizeOf) is { } size)
                context.LocalSize = size;
            else
                context.Flags = (context.Flags ?? HybridCacheEntryFlags.None) | NotKept;
            return stamped;
        }
    }

    /// <summary>The oldest read time among the values one read used (they may be used in parallel).</summary>
    private sealed class ReadScope(DateTimeOffset started)
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _oldest = started;

        public DateTimeOffset Oldest
        {
            get
            {
                lock (_gate)
                    return _oldest;
            }
        }

        public void Uses(CacheStamp stamp)
        {
            lock (_gate)
            {
                if (stamp.ReadAt < _oldest)
                    _oldest = stamp.ReadAt;
            }
        }
    }
}
