using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Binding;

/// <summary>
/// Finds the HTTP functions of an assembly from the same attributes the Functions SDK reads.
/// </summary>
public static class HttpFunctionCatalog
{
    public static IReadOnlyList<HttpFunction> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);

        return assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(
                BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(Describe)
            .OfType<HttpFunction>()
            .OrderBy(function => function.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static HttpFunction? Describe(MethodInfo method)
    {
        var function = method.GetCustomAttribute<FunctionAttribute>();
        var trigger = method.GetParameters()
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
            .FirstOrDefault(attribute => attribute is not null);
        if (function is null || trigger is null)
            return null;

        var methods = (trigger.Methods ?? []).Select(verb => verb.ToUpperInvariant()).ToList();
        return new HttpFunction(function.Name, trigger.Route ?? function.Name, methods, method);
    }
}
