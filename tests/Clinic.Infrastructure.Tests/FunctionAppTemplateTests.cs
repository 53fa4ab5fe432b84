using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clinic.Infrastructure.Tests.Support;

namespace Clinic.Infrastructure.Tests;

/// <summary>The function app: the settings the app reads in Azure, its runtime and its transport.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class FunctionAppTemplateTests(CompiledTemplate template)
{
    private JsonObject AppSettings =>
        template.Single("Microsoft.Web/sites/config")["properties"]!.AsObject();

    private JsonObject FunctionApp => template.Single("Microsoft.Web/sites");

    /// <summary>
    /// Every setting the production app needs, from the options classes and the Functions host: a missing one
    /// stops the app at start-up (validated options) or silently turns a feature off.
    /// </summary>
    [Theory]
    // The Functions host, its timers and queues, and Durable Task's Azure Storage provider, by identity.
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("AzureWebJobsStorage__credential")]
    [InlineData("AzureWebJobsStorage__clientId")]
    [InlineData("AzureFunctionsJobHost__extensions__durableTask__hubName")]
    // DefaultAzureCredential picks the user-assigned identity by this.
    [InlineData("AZURE_CLIENT_ID")]
    // TelemetryOptions.ConnectionStringKey; the host reads it too.
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    // StorageOptions: validated on start.
    [InlineData("Storage__TableServiceUri")]
    [InlineData("Storage__TablePrefix")]
    // The notification queues: CreateQueueService throws without it, there being no connection string.
    [InlineData("Storage__QueueServiceUri")]
    // PrivacyOptions: any environment but Development refuses to start without it.
    [InlineData("Privacy__PseudonymKey")]
    // BillingLogOptions: required outside Development.
    [InlineData("BillingLogs__KeyVaultKeyId")]
    // PaymentGatewayOptions: no default, on purpose.
    [InlineData("Billing__Gateway")]
    [InlineData("Billing__Stripe__SecretKey")]
    // The notification queue triggers' %Notifications:QueuePrefix%: without it they do not load.
    [InlineData("Notifications__QueuePrefix")]
    // Outbox by default, which would write every message to the instance's disk.
    [InlineData("Notifications__Sender")]
    // The timers' %Notifications:ReminderSchedule% and %Notifications:OutboxSweepSchedule%.
    [InlineData("Notifications__ReminderSchedule")]
    [InlineData("Notifications__OutboxSweepSchedule")]
    // AcsSenderOptions.
    [InlineData("Notifications__Acs__Endpoint")]
    [InlineData("Notifications__Acs__SenderAddress")]
    [InlineData("Notifications__Acs__FromNumber")]
    // The HybridCache's optional second level (empty: memory only).
    [InlineData("Cache__Redis__ConnectionString")]
    public void AppSettings_keyTheAppReadsInAzure_isSet(string key)
    {
        var settings = AppSettings;

        Assert.True(settings.ContainsKey(key), $"No app setting {key}; there are: {Keys(settings)}.");
    }

    [Theory]
    // Either would make the app or the host use the account's shared key, which the account refuses.
    [InlineData("AzureWebJobsStorage")]
    [InlineData("Storage__ConnectionString")]
    [InlineData("Notifications__Acs__ConnectionString")]
    // Flex Consumption rejects these: the runtime is in functionAppConfig and the host is always 4.x.
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    // Local development only.
    [InlineData("Notifications__Outbox__Path")]
    [InlineData("BillingLogs__LocalKeyPath")]
    public void AppSettings_sharedKeyOrLocalOnlySetting_isAbsent(string key)
    {
        var settings = AppSettings;

        Assert.False(settings.ContainsKey(key), $"App setting {key} must not be set in Azure.");
    }

    [Theory]
    [InlineData("Privacy__PseudonymKey")]
    [InlineData("Billing__Stripe__SecretKey")]
    public void AppSettings_secret_isAKeyVaultReference(string key)
    {
        var value = (string?)AppSettings[key];

        Assert.NotNull(value);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", value, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every app setting that a trigger names as <c>%Name%</c> in the app's <c>functions.metadata</c>, as the
    /// Functions SDK writes it: the host does not load a trigger whose setting is missing.
    /// </summary>
    [Fact]
    public void AppSettings_everySettingATriggerNames_isSet()
    {
        var settings = AppSettings;
        var named = Placeholder().Matches(File.ReadAllText(FunctionsMetadataPath()))
            .Select(match => match.Groups["name"].Value.Replace(":", "__", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, key => Assert.True(settings.ContainsKey(key), $"No app setting {key}."));
    }

    [Fact]
    public void AppSettings_notifications_sentThroughCommunicationServicesOnTheAccountsQueues()
    {
        var settings = AppSettings;

        Assert.Equal("Acs", (string?)settings["Notifications__Sender"]);
        Assert.Equal("[parameters('queueEndpoint')]", (string?)settings["Storage__QueueServiceUri"]);
        var endpoint = (string?)template.ModuleParameter("api", "queueEndpoint");
        Assert.Contains("'storage'", endpoint, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.queueEndpoint.value]", endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_paymentGateway_isStripe()
    {
        var gateway = (string?)AppSettings["Billing__Gateway"];

        Assert.Equal("Stripe", gateway);
    }

    [Fact]
    public void FunctionApp_runtime_isDotnetIsolated10OnFlexConsumption()
    {
        var runtime = FunctionApp["properties"]!["functionAppConfig"]!["runtime"]!;
        var plan = template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("functionapp,linux", (string?)FunctionApp["kind"]);
    }

    [Fact]
    public void FunctionApp_transport_isHttpsOnlyWithTls12()
    {
        var properties = FunctionApp["properties"]!;

        Assert.True((bool?)properties["httpsOnly"]);
        Assert.Equal("1.2", (string?)properties["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)properties["siteConfig"]!["ftpsState"]);
    }

    [Fact]
    public void FunctionApp_identity_isUserAssignedAndResolvesKeyVaultReferences()
    {
        var app = FunctionApp;

        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)app["properties"]!["keyVaultReferenceIdentity"]);
        var deploymentStorage = app["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("UserAssignedIdentity", (string?)deploymentStorage["authentication"]!["type"]);
    }

    private static string Keys(JsonObject settings) => string.Join(", ", settings.Select(pair => pair.Key));

    private static string FunctionsMetadataPath()
    {
        var configuration = typeof(FunctionAppTemplateTests).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

        return Repository.PathOf(
            "functions", "Clinic.Functions", "bin", configuration, "net10.0", "functions.metadata");
    }

    [GeneratedRegex("%(?<name>[^%\"]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
