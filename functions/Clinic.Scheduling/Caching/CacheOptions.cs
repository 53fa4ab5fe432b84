namespace Clinic.Scheduling.Caching;

/// <summary>
/// The scheduling cache (section <c>Cache</c>): which lookups it keeps, for how long, and in how much memory.
/// docs/caching.md explains the choices and the staleness they allow across instances.
/// </summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>Off: every lookup reads storage, as before the cache (benchmarks compare the two).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an entry lives: in memory and, when configured, in the second level. It bounds how long a
    /// change made on another instance can stay unseen here when there is no second level.
    /// </summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an entry lives in this instance's memory; null means <see cref="Expiration"/>. With a second
    /// level, keep it short: another instance's change is then seen after at most this long.
    /// </summary>
    public TimeSpan? LocalExpiration { get; set; }

    /// <summary>The most memory, in estimated bytes, this instance's entries may take together.</summary>
    public long SizeLimitBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>An entry estimated larger than this is not kept, in memory or in the second level.</summary>
    public int MaximumPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long browsers and proxies may reuse the public lists (doctors, free slots) before asking again;
    /// they then revalidate with the ETag.
    /// </summary>
    public TimeSpan HttpMaxAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The optional second level shared by all instances.</summary>
    public RedisCacheOptions Redis { get; set; } = new();

    internal TimeSpan EffectiveLocalExpiration =>
        LocalExpiration is { } local && local < Expiration ? local : Expiration;
}
