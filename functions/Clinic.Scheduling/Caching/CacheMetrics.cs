using System.Diagnostics.Metrics;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// Hits and misses of the scheduling cache, per view, as counters: a log line per lookup would cost more than
/// the lookup. A hit is a lookup that read no storage (a lookup that joined another's read counts as one).
/// </summary>
public sealed class CacheMetrics
{
    /// <summary>The meter's name, for exporters and listeners.</summary>
    public const string MeterName = "Clinic.Scheduling.Cache";

    public const string HitsName = "clinic.scheduling.cache.hits";

    public const string MissesName = "clinic.scheduling.cache.misses";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;

    public CacheMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);

        var meter = meters.Create(MeterName);
        _hits = meter.CreateCounter<long>(HitsName, "{lookup}", "Lookups answered from the cache");
        _misses = meter.CreateCounter<long>(MissesName, "{lookup}", "Lookups that read storage");
    }

    internal void Record(string view, bool hit) =>
        (hit ? _hits : _misses).Add(1, new KeyValuePair<string, object?>("view", view));
}
