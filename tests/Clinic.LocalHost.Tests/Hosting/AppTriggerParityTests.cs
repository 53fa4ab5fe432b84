using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Clinic.Functions;
using Clinic.LocalHost.Tests.Infrastructure;
using Clinic.LocalHost.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Repository = Clinic.IntegrationTests.Infrastructure.Repository;

namespace Clinic.LocalHost.Tests.Hosting;

/// <summary>
/// The local host must run every queue and timer function of the app with the trigger settings the Functions
/// host would use. The reference is the <c>functions.metadata</c> that the Functions SDK writes at build
/// time, not our own reflection; and every such function must be one the local host can bind.
/// </summary>
public sealed class AppTriggerParityTests
{
    private static readonly Assembly[] AppAssemblies = [typeof(ClinicModules).Assembly];

    [Fact]
    public void Catalog_ofTheApp_matchesTheTriggersOfFunctionsMetadata()
    {
        var expected = ReadFunctionsMetadata();

        var queues = TriggerFunctionCatalog.DiscoverQueueFunctions(AppAssemblies)
            .Select(f => Describe(f.Name, "queueTrigger", f.Trigger.QueueName, f.Trigger.Connection));
        var timers = TriggerFunctionCatalog.DiscoverTimerFunctions(AppAssemblies)
            .Select(f => Describe(f.Name, "timerTrigger", f.Trigger.Schedule, null));

        Assert.Equal(expected, queues.Concat(timers).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Invokers_forEveryTriggerFunctionOfTheApp_canBeBuilt()
    {
        var scopes = new ServiceCollection().BuildServiceProvider()
            .GetRequiredService<IServiceScopeFactory>();

        foreach (var function in TriggerFunctionCatalog.DiscoverQueueFunctions(AppAssemblies))
        {
            _ = new FunctionInvoker<QueueMessage>(
                function.Name, function.Method, parameter => QueueMessageBinders.For(parameter, function));
        }

        foreach (var function in TriggerFunctionCatalog.DiscoverTimerFunctions(AppAssemblies))
        {
            _ = new TimerRunner(
                function, CronTimerSchedule.Parse("0 0 0 * * *", function.Name), scopes, TimeProvider.System,
                NullLogger.Instance);
        }
    }

    private static List<string> ReadFunctionsMetadata()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(MetadataPath()));
        return document.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Select(binding => (Type: binding.GetProperty("type").GetString(), Binding: binding))
                .Where(b => b.Type is "queueTrigger" or "timerTrigger")
                .Select(b => Describe(
                    function.GetProperty("name").GetString()!,
                    b.Type!,
                    Text(b.Binding, b.Type == "queueTrigger" ? "queueName" : "schedule"),
                    b.Type == "queueTrigger" ? Text(b.Binding, "connection") : null)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string? Text(JsonElement binding, string property) =>
        binding.TryGetProperty(property, out var value) ? value.GetString() : null;

    private static string Describe(string name, string type, string? setting, string? connection) =>
        $"{name} {type} {setting} {connection}";

    private static string MetadataPath()
    {
        var configuration = typeof(AppTriggerParityTests).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

        return Repository.PathOf(
            "functions", "Clinic.Functions", "bin", configuration, "net10.0", "functions.metadata");
    }
}
