using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// This process's record of when each tag was last invalidated, checked against every value the cache returns.
/// HybridCache alone lets a read that started before an invalidation be joined by lookups made after it, and
/// stores that read's result as current when it completes; both would show a just-booked slot as free. A value
/// read before the last invalidation of one of its tags is therefore never served: it is read again.
/// </summary>
internal sealed class InvalidationMarks(TimeProvider time, IOptions<CacheOptions> options)
{
    private const int PruneEvery = 1024;

    /// <summary>Longer than any storage read that could still be in flight when a mark is pruned.</summary>
    private static readonly TimeSpan ReadAllowance = TimeSpan.FromMinutes(2);

    private readonly Guid _origin = Guid.NewGuid();
    private readonly ConcurrentDictionary<string, TagMark> _marks = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Taken before a storage read; the read's result is current unless a mark comes after it.</summary>
    public CacheStamp Begin() => new(_origin, Interlocked.Read(ref _sequence), time.GetUtcNow());

    public void Mark(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);

        var mark = new TagMark(Interlocked.Increment(ref _sequence), time.GetUtcNow());
        foreach (var tag in tags)
            _marks[tag] = mark;

        if (mark.Sequence % PruneEvery == 0)
            Prune(mark.At);
    }

    /// <summary>
    /// Whether no tag was invalidated after the stamped read began. A stamp of this process compares sequence
    /// numbers, exactly; one from another instance (through the second level) compares clock times.
    /// </summary>
    public bool IsCurrent(CacheStamp stamp, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(tags);

        foreach (var tag in tags)
        {
            if (!_marks.TryGetValue(tag, out var mark))
                continue;

            var after = stamp.Origin == _origin ? mark.Sequence > stamp.Sequence : mark.At >= stamp.ReadAt;
            if (after)
                return false;
        }

        return true;
    }

    /// <summary>
    /// Whether the oldest storage read behind a value is at most <see cref="CacheOptions.Expiration"/> old. A
    /// value made from other cached values (a search range from its days) would otherwise live a lifetime of its
    /// own on top of theirs, and a change made on another instance could stay unseen for several lifetimes.
    /// </summary>
    public bool IsFresh(CacheStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);

        return time.GetUtcNow() - stamp.ReadAt <= options.Value.Expiration;
    }

    // A mark matters while a value read before it can still be in the cache: no longer than an entry lives
    // plus the longest read, so older marks are dropped and the record stays small.
    private void Prune(DateTimeOffset now)
    {
        var horizon = now - options.Value.Expiration - ReadAllowance;
        foreach (var (tag, mark) in _marks)
        {
            if (mark.At < horizon)
                _marks.TryRemove(new KeyValuePair<string, TagMark>(tag, mark));
        }
    }

    private sealed record TagMark(long Sequence, DateTimeOffset At);
}
