using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchangeRedisOptions = Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions;

namespace Clinic.Scheduling.Caching;

internal static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// The scheduling cache: HybridCache over a size-limited memory cache, and Azure Cache for Redis as its
    /// second level when <c>Cache:Redis:ConnectionString</c> is set.
    /// </summary>
    public static IServiceCollection AddSchedulingCache(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        services.AddOptions<CacheOptions>()
            .Bind(configuration.GetSection(CacheOptions.SectionName))
            .Validate(o => o.Expiration > TimeSpan.Zero, "Cache:Expiration must be positive.")
            .Validate(o => o.LocalExpiration is null || o.LocalExpiration > TimeSpan.Zero,
                "Cache:LocalExpiration must be positive when set.")
            .Validate(o => o.MaximumPayloadBytes > 0 && o.MaximumPayloadBytes <= o.SizeLimitBytes,
                "Cache:MaximumPayloadBytes must be positive and at most Cache:SizeLimitBytes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        // Entries without a size (none of ours) would not count against the limit, so every entry is sized.
        services.AddMemoryCache();
        services.AddOptions<MemoryCacheOptions>().Configure<IOptions<CacheOptions>, TimeProvider>(
            (memory, cache, time) =>
            {
                memory.SizeLimit = cache.Value.SizeLimitBytes;
                memory.TrackStatistics = true;
                memory.Clock = new TimeProviderClock(time);
            });

        services.AddHybridCache();
        services.AddOptions<HybridCacheOptions>().Configure<IOptions<CacheOptions>>((hybrid, cache) =>
        {
            hybrid.MaximumPayloadBytes = cache.Value.MaximumPayloadBytes;
            hybrid.DefaultEntryOptions = new HybridCacheEntryOptions
            {
                Expiration = cache.Value.Expiration,
                LocalCacheExpiration = cache.Value.EffectiveLocalExpiration,
            };
        });

        var redis = configuration[$"{CacheOptions.SectionName}:Redis:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(redis))
            services.AddRedisSecondLevel(configuration);

        services.AddSingleton<InvalidationMarks>();
        services.AddSingleton<CacheMetrics>();
        services.AddSingleton(provider => new SchedulingCache(
            provider.GetRequiredService<HybridCache>(),
            provider.GetRequiredService<InvalidationMarks>(),
            provider.GetRequiredService<CacheMetrics>(),
            provider.GetRequiredService<IOptions<CacheOptions>>(),
            provider.GetRequiredService<ILogger<SchedulingCache>>()));
        return services;
    }

    // HybridCache takes the registered IDistributedCache as its second level.
    private static void AddRedisSecondLevel(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = new RedisCacheOptions();
        configuration.GetSection($"{CacheOptions.SectionName}:Redis").Bind(settings);

        services.AddSingleton<RedisConnector>();
        services.AddOptions<StackExchangeRedisOptions>()
            .Configure<RedisConnector>((redis, connector) =>
            {
                redis.InstanceName = settings.InstanceName;
                redis.ConnectionMultiplexerFactory = () => connector.ConnectAsync(settings.ConnectionString!);
            });

        // Redis itself is never handed to HybridCache unguarded: a Redis outage must not slow every lookup.
        services.AddSingleton<IDistributedCache>(provider => new GuardedDistributedCache(
            new RedisCache(provider.GetRequiredService<IOptions<StackExchangeRedisOptions>>()),
            settings,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<GuardedDistributedCache>()));
    }
}
