using Microsoft.Extensions.Caching.Hybrid;

namespace Clinic.Scheduling.Caching;

/// <summary>A cache entry: its key, the tags that invalidate it, the view its hits count under.</summary>
internal sealed record CacheEntry(string Key, string[] Tags, string View, bool Distributed = true)
{
    /// <summary>
    /// Entries whose value the second level cannot serialize stay in memory; the rest use both levels.
    /// </summary>
    public HybridCacheEntryFlags Flags => Distributed
        ? HybridCacheEntryFlags.None
        : HybridCacheEntryFlags.DisableDistributedCache;
}
