using System.Text.Json.Nodes;
using Clinic.Infrastructure.Tests.Support;

namespace Clinic.Infrastructure.Tests;

/// <summary>The function app: the settings the app reads in Azure, its runtime and its transport.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class FunctionAppTemplateTests(CompiledTemplate template)
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
    // PrivacyOptions: any environment but Development refuses to start without it.
    [InlineData("Privacy__PseudonymKey")]
    // BillingLogOptions: required outside Development.
    [InlineData("BillingLogs__KeyVaultKeyId")]
    // PaymentGatewayOptions: no default, on purpose.
    [InlineData("Billing__Gateway")]
    [InlineData("Billing__Stripe__SecretKey")]
    // The notification queue triggers' %Notifications:QueuePrefix%: without it they do not load.
    [InlineData("Notifications__QueuePrefix")]
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
}
