namespace Clinic.Scheduling.Caching;

/// <summary>Azure Cache for Redis as the cache's second level (section <c>Cache:Redis</c>).</summary>
public sealed class RedisCacheOptions
{
    /// <summary>
    /// A StackExchange.Redis connection string; empty keeps the cache in memory only. Without a password in
    /// it, the app signs in to Redis with an Entra ID token for its managed identity.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefixes every key, so that apps sharing one Redis never read each other's entries.</summary>
    public string InstanceName { get; set; } = "clinic-scheduling:";

    /// <summary>The longest one call to Redis may take before the lookup goes on without it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long Redis is skipped after it kept failing, before one call tries it again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
