using System.Text.Json.Nodes;

namespace Clinic.Infrastructure.Tests.Support;

/// <summary>
/// <c>infra/main.bicep</c> compiled once to an ARM template (modules become nested deployments), with ways to
/// find its modules and resources.
/// </summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinic-infra-").FullName;

    public BicepResult Build { get; private set; } = new(-1, "", "");

    private string? _json;
    private JsonObject? _root;

    /// <summary>The compiled template's text.</summary>
    public string Json => _json ?? throw BuildFailed();

    public JsonObject Root => _root ?? throw BuildFailed();

    public async Task InitializeAsync()
    {
        var outFile = Path.Combine(_folder, "main.json");
        var main = Repository.PathOf("infra", "main.bicep");
        Build = await BicepCli.RunAsync("build", main, "--outfile", outFile);
        if (Build.ExitCode != 0)
            return;

        _json = await File.ReadAllTextAsync(outFile);
        _root = JsonNode.Parse(_json)!.AsObject();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The nested template of module <paramref name="name"/> (its deployment's name).</summary>
    public JsonObject Module(string name) => ModuleDeployment(name)["properties"]!["template"]!.AsObject();

    /// <summary>What main.bicep passes to <paramref name="parameter"/> of module <paramref name="name"/>.
    /// </summary>
    public JsonNode? ModuleParameter(string name, string parameter) =>
        ModuleDeployment(name)["properties"]!["parameters"]![parameter]?["value"];

    /// <summary>Each resource of <paramref name="type"/> in <paramref name="template"/>, modules included.
    /// </summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template, string type) =>
        AllResources(template).Where(resource =>
            string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The only resource of <paramref name="type"/> in the whole template.</summary>
    public JsonObject Single(string type) => Assert.Single(Resources(Root, type));

    /// <summary>Every template: main and each module's, for checks that apply to all of them.</summary>
    public IEnumerable<JsonObject> Templates() =>
        new[] { Root }.Concat(Resources(Root, "Microsoft.Resources/deployments")
            .Select(deployment => deployment["properties"]!["template"]!.AsObject()));

    private InvalidOperationException BuildFailed() =>
        new($"bicep build failed (exit {Build.ExitCode}):\n{Build.Printed}");

    private JsonObject ModuleDeployment(string name) =>
        Assert.Single(Resources(Root, "Microsoft.Resources/deployments"), d => (string?)d["name"] == name);

    private static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(node => node!.AsObject()),
            JsonObject symbolic => symbolic.Select(pair => pair.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                    yield return inner;
            }
        }
    }
}
