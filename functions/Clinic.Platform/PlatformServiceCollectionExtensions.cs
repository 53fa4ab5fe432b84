using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Clinic.Platform.Alerts;
using Clinic.Platform.Identity;
using Clinic.Platform.Privacy;
using Clinic.Platform.Resilience;
using Clinic.Platform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly;
using Polly.Registry;

namespace Clinic.Platform;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>
    /// Registers what every module shares: the clock, table storage clients, the pseudonymizer, the access
    /// gate (which needs an <see cref="ICallerResolver"/> from the users module) and the exception reporter.
    /// </summary>
    public static IServiceCollection AddClinicPlatform(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(options => options.ConnectionString ??= configuration["AzureWebJobsStorage"])
            .Validate(
                options => options.ConnectionString is not null || options.TableServiceUri is not null,
                "Set Storage:ConnectionString (or AzureWebJobsStorage) or Storage:TableServiceUri.")
            .ValidateOnStart();
        services.AddDependencyResilience(Dependencies.Storage, configuration);
        services.AddSingleton(provider => CreateTableService(
            provider.GetRequiredService<IOptions<StorageOptions>>(),
            provider.GetRequiredService<ResiliencePipelineProvider<string>>()
                .GetPipeline<int>(Dependencies.Storage),
            ResilienceSettings(configuration)));
        services.AddSingleton<TableClientProvider>();
        services.AddSingleton<Http.UnhandledExceptionReporter>();
        services.AddClinicPrivacy(configuration);
        services.AddSingleton<AccessGate>();
        services.AddClinicAlerts();
        return services;
    }

    private static DependencyResilienceOptions ResilienceSettings(IConfiguration configuration)
    {
        var settings = new DependencyResilienceOptions();
        configuration
            .GetSection($"{DependencyResilienceOptions.SectionName}:{Dependencies.Storage}")
            .Bind(settings);
        return settings;
    }

    private static TableServiceClient CreateTableService(
        IOptions<StorageOptions> options,
        ResiliencePipeline<int> resilience,
        DependencyResilienceOptions resilienceSettings)
    {
        // The Polly pipeline owns retries, timeouts and the circuit;
        // the SDK's own retries would multiply them.
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.AddPolicy(
            new ResilientTransportPolicy(resilience, resilienceSettings.AttemptTimeout),
            HttpPipelinePosition.PerCall);

        var settings = options.Value;
        return settings.ConnectionString is { Length: > 0 } connectionString
            ? new TableServiceClient(connectionString, clientOptions)
            : new TableServiceClient(settings.TableServiceUri, new DefaultAzureCredential(), clientOptions);
    }
}
