using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Finds the queue- and timer-triggered functions of assemblies from the attributes the Functions SDK reads:
/// public methods of public classes with <see cref="FunctionAttribute"/> and a trigger on a parameter.
/// </summary>
public static class TriggerFunctionCatalog
{
    private const BindingFlags PublicMethods =
        BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<QueueFunction> DiscoverQueueFunctions(IEnumerable<Assembly> assemblies) =>
        Discover(assemblies, DescribeQueueFunction);

    public static IReadOnlyList<TimerFunction> DiscoverTimerFunctions(IEnumerable<Assembly> assemblies) =>
        Discover(assemblies, DescribeTimerFunction);

    /// <summary>The queue function that <paramref name="method"/> declares, if it declares one.</summary>
    public static QueueFunction? DescribeQueueFunction(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);

        var function = method.GetCustomAttribute<FunctionAttribute>();
        var trigger = TriggerOf<QueueTriggerAttribute>(method);
        return function is null || trigger is null
            ? null
            : new QueueFunction(function.Name, method, trigger.Value.Parameter, trigger.Value.Attribute);
    }

    /// <summary>The timer function that <paramref name="method"/> declares, if it declares one.</summary>
    public static TimerFunction? DescribeTimerFunction(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);

        var function = method.GetCustomAttribute<FunctionAttribute>();
        var trigger = TriggerOf<TimerTriggerAttribute>(method);
        return function is null || trigger is null
            ? null
            : new TimerFunction(function.Name, method, trigger.Value.Attribute);
    }

    private static IReadOnlyList<T> Discover<T>(
        IEnumerable<Assembly> assemblies, Func<MethodInfo, T?> describe)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(assemblies);

        return assemblies
            .Distinct()
            .SelectMany(assembly => assembly.GetExportedTypes())
            .SelectMany(type => type.GetMethods(PublicMethods))
            .Select(describe)
            .OfType<T>()
            .ToList();
    }

    private static (ParameterInfo Parameter, TAttribute Attribute)? TriggerOf<TAttribute>(MethodInfo method)
        where TAttribute : Attribute
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<TAttribute>() is { } attribute)
                return (parameter, attribute);
        }

        return null;
    }
}
