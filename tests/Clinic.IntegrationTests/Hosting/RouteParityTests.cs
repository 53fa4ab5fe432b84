using System.Reflection;
using System.Text.Json;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.LocalHost;
using Clinic.LocalHost.Binding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Clinic.IntegrationTests.Hosting;

/// <summary>
/// The local host must serve every HTTP function exactly where the Functions host would. The reference is
/// the <c>functions.metadata</c> that the Functions SDK writes at build time, not our own reflection.
/// </summary>
public sealed class RouteParityTests
{
    [Fact]
    public async Task LocalHost_servesEveryHttpFunctionAtTheSameRouteAndVerbs()
    {
        var expected = ReadFunctionsMetadata();
        await using var app = LocalHostApplication.Create(
            ["--urls", "http://127.0.0.1:0", "--environment", "Development"]);

        var actual = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<HttpFunction>() is not null)
            .Select(endpoint => Describe(
                endpoint.Metadata.GetMetadata<HttpFunction>()!.Name,
                endpoint.RoutePattern.RawText!.TrimStart('/'),
                endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private static List<string> ReadFunctionsMetadata()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(MetadataPath()));
        return document.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
                .Select(binding => Describe(
                    function.GetProperty("name").GetString()!,
                    "api/" + (binding.TryGetProperty("route", out var route)
                        ? route.GetString()
                        : function.GetProperty("name").GetString()),
                    binding.TryGetProperty("methods", out var methods)
                        ? methods.EnumerateArray().Select(m => m.GetString()!).ToList()
                        : [])))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Describe(string name, string route, IEnumerable<string> methods) =>
        $"{name} {string.Join(',', methods.Select(m => m.ToUpperInvariant()).Order())} {route}";

    private static string MetadataPath()
    {
        var configuration = typeof(RouteParityTests).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

        return Repository.PathOf(
            "functions", "Clinic.Functions", "bin", configuration, "net10.0", "functions.metadata");
    }
}
