using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Clinic.Platform.Identity;
using Clinic.Platform.Privacy;
using Clinic.Platform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

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
        services.AddSingleton(
            provider => CreateTableService(provider.GetRequiredService<IOptions<StorageOptions>>()));
        services.AddSingleton<TableClientProvider>();
        services.AddSingleton<Http.UnhandledExceptionReporter>();
        services.AddClinicPrivacy(configuration);
        services.AddSingleton<AccessGate>();
        return services;
    }

    private static TableServiceClient CreateTableService(IOptions<StorageOptions> options)
    {
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);

        var settings = options.Value;
        return settings.ConnectionString is { Length: > 0 } connectionString
            ? new TableServiceClient(connectionString, clientOptions)
            : new TableServiceClient(settings.TableServiceUri, new DefaultAzureCredential(), clientOptions);
    }
}
