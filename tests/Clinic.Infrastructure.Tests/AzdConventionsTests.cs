using System.Text.Json.Nodes;
using Clinic.Infrastructure.Tests.Support;

namespace Clinic.Infrastructure.Tests;

/// <summary>What azd relies on, and the conventions of its templates.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class AzdConventionsTests(CompiledTemplate template)
{
    [Theory]
    [InlineData("api", "Microsoft.Web/sites")]
    [InlineData("web", "Microsoft.Web/staticSites")]
    public void ServiceTag_azureYamlService_isOnItsResource(string service, string resourceType)
    {
        var resource = Assert.Single(CompiledTemplate.Resources(template.Module(service), resourceType));

        var serviceName = (string?)template.ModuleParameter(service, "serviceName");

        Assert.Equal(service, serviceName);
        Assert.Contains(
            "createObject('azd-service-name', parameters('serviceName'))", (string?)resource["tags"]);
    }

    [Fact]
    public void StaticWebApp_plan_isStandardWithTheFunctionAppLinked()
    {
        var site = template.Single("Microsoft.Web/staticSites");
        var backend = template.Single("Microsoft.Web/staticSites/linkedBackends");

        Assert.Equal("Standard", (string?)site["sku"]!["name"]);
        Assert.Equal(
            "[parameters('backendResourceId')]", (string?)backend["properties"]!["backendResourceId"]);
        Assert.Contains("'api'", (string?)template.ModuleParameter("web", "backendResourceId"));
    }

    [Fact]
    public void Main_scope_isTheSubscriptionWithAResourceGroupPerEnvironment()
    {
        var abbreviationsFile = Repository.PathOf("infra", "abbreviations.json");
        var abbreviations = JsonNode.Parse(File.ReadAllText(abbreviationsFile))!;

        var group = template.Single("Microsoft.Resources/resourceGroups");

        Assert.Contains("subscriptionDeploymentTemplate", (string?)template.Root["$schema"]);
        Assert.Equal("rg-", (string?)abbreviations["resourcesResourceGroups"]);
        Assert.Contains("resourcesResourceGroups, parameters('environmentName')", (string?)group["name"]);
    }

    [Fact]
    public void Outputs_names_areUpperSnakeCaseWithWhatAzdAndTheDocsUse()
    {
        var outputs = template.Root["outputs"]!.AsObject().Select(pair => pair.Key).ToList();

        Assert.All(outputs, name => Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", name));
        Assert.Superset(
            new HashSet<string>
            {
                "AZURE_LOCATION", "AZURE_TENANT_ID", "API_BASE_URL", "WEB_URI",
                "APPLICATIONINSIGHTS_CONNECTION_STRING", "AZURE_KEY_VAULT_NAME", "BILLING_LOG_KEY_ID",
            },
            outputs.ToHashSet());
    }

    [Fact]
    public void Parameters_everyTemplate_describesEachOne()
    {
        var undescribed = template.Templates()
            .SelectMany(t => t["parameters"] is JsonObject parameters ? parameters : [])
            .Where(pair => string.IsNullOrWhiteSpace((string?)pair.Value!["metadata"]?["description"]))
            .Select(pair => pair.Key)
            .ToList();

        Assert.Empty(undescribed);
    }

    [Fact]
    public void AzureYaml_services_areTheFunctionAppAndTheStaticSite()
    {
        var yaml = File.ReadAllLines(Repository.PathOf("azure.yaml")).Select(line => line.TrimEnd()).ToList();

        Assert.Contains("  api:", yaml);
        Assert.Contains("    project: ./functions/Clinic.Functions", yaml);
        Assert.Contains("    language: dotnet", yaml);
        Assert.Contains("    host: function", yaml);
        Assert.Contains("  web:", yaml);
        Assert.Contains("    project: ./frontend", yaml);
        Assert.Contains("    host: staticwebapp", yaml);
        Assert.Contains("  path: infra", yaml);
    }
}
