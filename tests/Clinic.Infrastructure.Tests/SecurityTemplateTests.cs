using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clinic.Infrastructure.Tests.Support;

namespace Clinic.Infrastructure.Tests;

/// <summary>Storage, Key Vault, secrets and role assignments.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class SecurityTemplateTests(CompiledTemplate template)
{
    [Fact]
    public void StorageAccount_access_isEntraOnlyOverTls12WithoutPublicBlobs()
    {
        var properties = template.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool?)properties["allowSharedKeyAccess"]);
        Assert.False((bool?)properties["allowBlobPublicAccess"]);
        Assert.True((bool?)properties["supportsHttpsTrafficOnly"]);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
    }

    [Fact]
    public void KeyVault_protection_usesRbacSoftDeleteAndPurgeProtection()
    {
        var properties = template.Single("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool?)properties["enableRbacAuthorization"]);
        Assert.True((bool?)properties["enableSoftDelete"]);
        Assert.True((bool?)properties["enablePurgeProtection"]);
    }

    [Fact]
    public void BillingLogKey_shape_isRsa3072ForWrapping()
    {
        var properties = template.Single("Microsoft.KeyVault/vaults/keys")["properties"]!;

        Assert.Equal("RSA", (string?)properties["kty"]);
        Assert.Equal(3072, (int?)properties["keySize"]);
        Assert.Equal(["wrapKey", "unwrapKey"], properties["keyOps"]!.AsArray().Select(op => (string?)op));
    }

    [Fact]
    public void Template_secretValues_areAbsent()
    {
        // Key listings put keys into deployment history; the rest are shapes of real secrets.
        string[] forbidden =
        [
            @"list(Keys|Secrets|ConnectionStrings)\(",
            @"AccountKey=",
            @"accesskey=",
            @"\bsk_(live|test)_",
            @"\brk_(live|test)_",
            @"-----BEGIN",
            @"""password""",
        ];

        var json = template.Json;

        Assert.All(forbidden, pattern =>
            Assert.DoesNotMatch(new Regex(pattern, RegexOptions.IgnoreCase), json));
        Assert.DoesNotContain(template.Templates(), HasSecureParameterWithDefault);
    }

    [Fact]
    public void ParametersFile_values_comeFromTheAzdEnvironment()
    {
        var file = JsonNode.Parse(File.ReadAllText(Repository.PathOf("infra", "main.parameters.json")))!;

        var values = file["parameters"]!.AsObject()
            .Select(pair => (pair.Key, Value: (string?)pair.Value!["value"]));

        Assert.All(values, parameter => Assert.Matches(@"^\$\{[A-Z_]+(=[^}]*)?\}$", parameter.Value));
    }

    [Fact]
    public void RoleAssignments_all_areInTheRoleAssignmentsModule()
    {
        var everywhere = CompiledTemplate.Resources(template.Root, "Microsoft.Authorization/roleAssignments")
            .Count();

        var inModule = CompiledTemplate.Resources(
                template.Module("role-assignments"), "Microsoft.Authorization/roleAssignments")
            .Count();

        Assert.True(inModule > 0);
        Assert.Equal(everywhere, inModule);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor")]
    [InlineData("12338af0-0e69-4776-bea7-57ae8d297424", "Key Vault Crypto User")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User")]
    [InlineData("09976791-48a7-449e-bb21-39d1a415f350", "Communication and Email Service Owner")]
    public void RoleAssignments_roleTheAppNeeds_isGranted(string roleDefinitionId, string roleName)
    {
        var roles = template.Module("role-assignments")["variables"]!.AsObject()
            .Select(pair => pair.Value?.ToJsonString());

        Assert.True(roles.Contains($"\"{roleDefinitionId}\""), $"{roleName} is not granted.");
    }

    [Fact]
    public void RoleAssignments_wrapOnlyRole_allowsWrappingAndNothingElse()
    {
        var role = template.Single("Microsoft.Authorization/roleDefinitions");

        var permission = Assert.Single(role["properties"]!["permissions"]!.AsArray())!;

        Assert.Empty(permission["actions"]!.AsArray());
        Assert.Equal(
            ["Microsoft.KeyVault/vaults/keys/wrap/action"],
            permission["dataActions"]!.AsArray().Select(action => (string?)action));
    }

    private static bool HasSecureParameterWithDefault(JsonObject template) =>
        template["parameters"] is JsonObject parameters
        && parameters.Any(pair =>
            ((string?)pair.Value!["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true
            && pair.Value!["defaultValue"] is not null);
}
