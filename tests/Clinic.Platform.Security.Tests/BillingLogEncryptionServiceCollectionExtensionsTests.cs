using Clinic.Platform.Security.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Clinic.Platform.Security.Tests;

public sealed class BillingLogEncryptionServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AddBillingLogEncryption_developmentWithoutVault_usesALocalKeyUnderTheContentRoot()
    {
        using var provider = Build(Environments.Development, []);

        var wrapper = provider.GetRequiredService<IKeyWrapper>();

        Assert.IsType<LocalRsaKeyWrapper>(wrapper);
        Assert.True(File.Exists(_folder.File(".data/keys/billing-log-key.pem")));
    }

    [Fact]
    public void AddBillingLogEncryption_productionWithoutVault_failsValidation()
    {
        using var provider = Build(Environments.Production, []);

        var failure = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<BillingLogOptions>>().Value);

        Assert.Contains("BillingLogs:KeyVaultKeyId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBillingLogEncryption_vaultKeyIdAndRotation_areBound()
    {
        const string keyId = "https://clinic-kv.vault.azure.net/keys/billing-logs/0123456789abcdef";
        using var provider = Build(Environments.Production, new()
        {
            ["BillingLogs:KeyVaultKeyId"] = keyId,
            ["BillingLogs:MaxEventsPerDataKey"] = "5000",
            ["BillingLogs:DataKeyLifetime"] = "00:10:00",
        });

        var wrapper = provider.GetRequiredService<IKeyWrapper>();
        var options = provider.GetRequiredService<IOptions<BillingLogOptions>>().Value;

        Assert.IsType<KeyVaultKeyWrapper>(wrapper);
        Assert.Equal(keyId, wrapper.KeyId);
        Assert.Equal(5000, options.MaxEventsPerDataKey);
        Assert.Equal(TimeSpan.FromMinutes(10), options.DataKeyLifetime);
        Assert.NotNull(provider.GetRequiredService<EncryptedEventLog>());
    }

    [Fact]
    public void AddBillingLogEncryption_vaultKeyIdWithoutVersion_failsValidation()
    {
        using var provider = Build(Environments.Production, new()
        {
            ["BillingLogs:KeyVaultKeyId"] = "https://clinic-kv.vault.azure.net/keys/billing-logs",
        });

        Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<BillingLogOptions>>().Value);
    }

    private ServiceProvider Build(string environment, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment
            {
                EnvironmentName = environment,
                ContentRootPath = _folder.Path,
            })
            .AddLogging()
            .AddBillingLogEncryption(configuration)
            .BuildServiceProvider();
    }
}
