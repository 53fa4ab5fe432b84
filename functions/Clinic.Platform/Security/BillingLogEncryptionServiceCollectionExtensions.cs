using System.Globalization;
using Azure.Core;
using Azure.Identity;
using Clinic.Platform.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace Clinic.Platform.Security;

public static class BillingLogEncryptionServiceCollectionExtensions
{
    public const string KeyRequirement =
        "Set BillingLogs:KeyVaultKeyId to a Key Vault key id with its version " +
        "(https://{vault}.vault.azure.net/keys/{name}/{version}); a local key file is for Development only.";

    public static readonly string RotationRequirement =
        "BillingLogs:MaxEventsPerDataKey must be 1 to "
        + BillingLogOptions.MaxEventsPerDataKeyLimit.ToString(CultureInfo.InvariantCulture)
        + ", DataKeyLifetime and RotationRetryDelay more than zero.";

    /// <summary>
    /// Registers <see cref="EncryptedEventLog"/> and what it needs, from the <c>BillingLogs</c> section:
    /// <c>KeyVaultKeyId</c> (Key Vault with <see cref="DefaultAzureCredential"/>; required outside
    /// Development), else <c>LocalKeyPath</c> (an RSA key file made on first use); <c>MaxEventsPerDataKey</c>
    /// and <c>DataKeyLifetime</c>. Calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddBillingLogEncryption(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        if (services.Any(descriptor => descriptor.ServiceType == typeof(EncryptedEventLog)))
            return services;

        services.AddOptions<BillingLogOptions>()
            .Bind(configuration.GetSection(BillingLogOptions.SectionName))
            .Validate<IServiceProvider>(HasUsableKey, KeyRequirement)
            .Validate(HasSaneRotation, RotationRequirement)
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDependencyResilience(Dependencies.KeyVault, configuration);
        var attemptTimeout = KeyVaultAttemptTimeout(configuration);
        services.TryAddSingleton(provider => CreateKeyWrapper(provider, attemptTimeout));
        services.TryAddSingleton<DataKeyRing>();
        services.TryAddSingleton<EnvelopeEncryptor>();
        services.AddSingleton<EncryptedEventLog>();
        return services;
    }

    private static bool HasUsableKey(BillingLogOptions options, IServiceProvider provider)
    {
        if (options.KeyVaultKeyId is not null)
            return KeyVaultKeyId.TryParse(options.KeyVaultKeyId, out var key) && key.Version is not null;

        var environment = provider.GetService<IHostEnvironment>();
        return environment?.IsDevelopment() == true && !string.IsNullOrWhiteSpace(options.LocalKeyPath);
    }

    private static bool HasSaneRotation(BillingLogOptions options) =>
        options.MaxEventsPerDataKey is > 0 and <= BillingLogOptions.MaxEventsPerDataKeyLimit
        && options.DataKeyLifetime > TimeSpan.Zero
        && options.RotationRetryDelay > TimeSpan.Zero;

    private static TimeSpan KeyVaultAttemptTimeout(IConfiguration configuration)
    {
        var settings = new DependencyResilienceOptions();
        configuration.GetSection($"{DependencyResilienceOptions.SectionName}:{Dependencies.KeyVault}").Bind(settings);
        return settings.AttemptTimeout;
    }

    private static IKeyWrapper CreateKeyWrapper(IServiceProvider provider, TimeSpan attemptTimeout)
    {
        var options = provider.GetRequiredService<IOptions<BillingLogOptions>>().Value;
        if (options.KeyVaultKeyId is not null)
        {
            // Polly owns retries, timeouts and the circuit, as for storage; the SDK's own retries are off.
            var clientOptions = new KeyVaultKeyClientOptions();
            clientOptions.Retry.MaxRetries = 0;
            clientOptions.AddPolicy(
                new ResilientTransportPolicy(
                    provider.GetRequiredService<ResiliencePipelineProvider<string>>()
                        .GetPipeline<int>(Dependencies.KeyVault),
                    attemptTimeout),
                HttpPipelinePosition.PerCall);
            return new KeyVaultKeyWrapper(
                new KeyVaultKeyOptions { KeyId = options.KeyVaultKeyId },
                new DefaultAzureCredential(),
                clientOptions);
        }

        var root = provider.GetService<IHostEnvironment>()?.ContentRootPath
            ?? Directory.GetCurrentDirectory();
        return LocalRsaKeyWrapper.OpenOrCreate(Path.Combine(root, options.LocalKeyPath));
    }
}
