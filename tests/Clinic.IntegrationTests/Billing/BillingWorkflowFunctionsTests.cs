using System.Reflection;
using System.Text.Json;
using Clinic.Billing.Workflows;
using Clinic.Functions;
using Clinic.IntegrationTests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Clinic.IntegrationTests.Billing;

/// <summary>
/// In Azure, billing's orchestrators and activities run through the hand-written [Function] wrappers of the
/// Functions app (no generator is served); the local host runs them straight from <c>AddBillingWorkflows</c>.
/// A wrapper that is missing, misnamed or bound to another contract would fail only in Azure, so these tests
/// hold the wrappers, and the <c>functions.metadata</c> written from them, to the registry.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BillingWorkflowFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public void Wrappers_eachRegisteredOrchestratorAndActivityHasExactlyOneWithItsName()
    {
        var registry = new DurableTaskRegistry().AddBillingWorkflows();

        var wrappers = DurableWrappers();

        Assert.Equal(
            Sorted(Registered<ITaskOrchestrator>(registry, "Orchestrators").Keys),
            Sorted(wrappers.Where(w => w.IsOrchestrator).Select(w => w.Name)));
        Assert.Equal(
            Sorted(Registered<ITaskActivity>(registry, "Activities").Keys),
            Sorted(wrappers.Where(w => !w.IsOrchestrator).Select(w => w.Name)));
        Assert.Equal(wrappers.Count, wrappers.Select(w => w.Name).Distinct().Count());
        Assert.All(wrappers, w => Assert.Equal(w.Name, w.TriggerName ?? w.Name));
    }

    [Fact]
    public void FunctionsMetadata_listsEveryRegisteredOrchestratorAndActivity()
    {
        var registry = new DurableTaskRegistry().AddBillingWorkflows();

        var metadata = DurableFunctionsInMetadata();

        Assert.Equal(
            Sorted(Registered<ITaskOrchestrator>(registry, "Orchestrators").Keys),
            Sorted(metadata.Where(f => f.Trigger == "orchestrationTrigger").Select(f => f.Name)));
        Assert.Equal(
            Sorted(Registered<ITaskActivity>(registry, "Activities").Keys),
            Sorted(metadata.Where(f => f.Trigger == "activityTrigger").Select(f => f.Name)));
    }

    [Fact]
    public async Task Wrappers_takeAndReturnTheTypesOfTheClassesRegisteredUnderTheirName()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite.Azurite);
        var registry = new DurableTaskRegistry().AddBillingWorkflows();
        var wrappers = DurableWrappers().ToDictionary(w => w.Name);

        var activities = Registered<ITaskActivity>(registry, "Activities")
            .Select(pair => (pair.Key, Task: pair.Value(host.Services)))
            .ToList();
        var orchestrators = Registered<ITaskOrchestrator>(registry, "Orchestrators")
            .Select(pair => (pair.Key, Task: pair.Value(host.Services)))
            .ToList();

        Assert.All(activities, activity =>
        {
            var wrapper = wrappers[activity.Key];
            Assert.Equal(activity.Task.InputType, wrapper.TriggerParameterType);
            Assert.Equal(typeof(Task<>).MakeGenericType(activity.Task.OutputType), wrapper.Method.ReturnType);
        });
        Assert.All(orchestrators, orchestrator => Assert.Equal(
            typeof(Task<>).MakeGenericType(orchestrator.Task.OutputType),
            wrappers[orchestrator.Key].Method.ReturnType));
    }

    /// <summary>
    /// What a registry holds. The SDK keeps these dictionaries internal and offers no public listing; should it
    /// rename them, this fails here, loudly, rather than the tests passing on nothing.
    /// </summary>
    private static Dictionary<string, Func<IServiceProvider, T>> Registered<T>(
        DurableTaskRegistry registry, string property)
    {
        var value = typeof(DurableTaskRegistry)
            .GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic)?
            .GetValue(registry);

        var registered = Assert
            .IsAssignableFrom<IEnumerable<KeyValuePair<TaskName, Func<IServiceProvider, T>>>>(value)
            .ToList();
        Assert.NotEmpty(registered);
        return registered.ToDictionary(pair => pair.Key.Name, pair => pair.Value, StringComparer.Ordinal);
    }

    private static List<DurableWrapper> DurableWrappers() =>
        typeof(ClinicModules).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(
                BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            .Select(DurableWrapper.Describe)
            .OfType<DurableWrapper>()
            .ToList();

    private static List<(string Name, string Trigger)> DurableFunctionsInMetadata()
    {
        var configuration = typeof(BillingWorkflowFunctionsTests).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Repository.PathOf(
            "functions", "Clinic.Functions", "bin", configuration, "net10.0", "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Select(binding => binding.GetProperty("type").GetString()!)
                .Where(type => type is "orchestrationTrigger" or "activityTrigger")
                .Select(type => (function.GetProperty("name").GetString()!, type)))
            .ToList();
    }

    private static List<string> Sorted(IEnumerable<string> names) =>
        names.Order(StringComparer.Ordinal).ToList();

    /// <summary>A [Function] method whose trigger is an orchestration or an activity.</summary>
    private sealed record DurableWrapper(
        string Name, bool IsOrchestrator, string? TriggerName, Type TriggerParameterType, MethodInfo Method)
    {
        public static DurableWrapper? Describe(MethodInfo method)
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            foreach (var parameter in method.GetParameters())
            {
                if (function is null)
                    break;
                if (parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is { } orchestration)
                {
                    return new DurableWrapper(
                        function.Name, true, orchestration.Orchestration, parameter.ParameterType, method);
                }

                if (parameter.GetCustomAttribute<ActivityTriggerAttribute>() is { } activity)
                {
                    return new DurableWrapper(
                        function.Name, false, activity.Activity, parameter.ParameterType, method);
                }
            }

            return null;
        }
    }
}
