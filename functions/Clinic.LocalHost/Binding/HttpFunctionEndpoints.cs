using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.DurableTask.Client;

namespace Clinic.LocalHost.Binding;

/// <summary>
/// Serves each HTTP function at its Functions route and verbs, binding parameters the way the isolated worker
/// does for this app: the request, route values by name, the cancellation token, and the Durable client (the
/// host's own, from its services). Anything else fails at
/// start-up, so a function the local host cannot run is noticed at once rather than on first call.
/// </summary>
public static class HttpFunctionEndpoints
{
    public static IEndpointRouteBuilder MapHttpFunctions(
        this IEndpointRouteBuilder endpoints,
        Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        foreach (var function in HttpFunctionCatalog.Discover(assembly))
        {
            var invoke = CreateInvoker(function);
            var builder = function.Methods.Count == 0
                ? endpoints.Map(function.Pattern, invoke)
                : endpoints.MapMethods(function.Pattern, function.Methods, invoke);
            builder.WithName(function.Name).WithMetadata(function);
        }

        return endpoints;
    }

    private static RequestDelegate CreateInvoker(HttpFunction function)
    {
        var routeParameters = RoutePatternFactory.Parse(function.Pattern).Parameters
            .Select(parameter => parameter.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var binders = function.Method.GetParameters()
            .Select(p => CreateBinder(function, p, routeParameters))
            .ToArray();
        var factory = ActivatorUtilities.CreateFactory(function.Method.DeclaringType!, Type.EmptyTypes);
        var returnType = function.Method.ReturnType;
        if (returnType != typeof(IActionResult) && returnType != typeof(Task<IActionResult>))
        {
            throw new InvalidOperationException(
                $"Function {function.Name}: the local host runs functions that return IActionResult or " +
                $"Task<IActionResult>, not {returnType.Name}.");
        }

        return async context =>
        {
            var instance = function.Method.IsStatic ? null : factory(context.RequestServices, null);
            var arguments = binders.Select(bind => bind(context)).ToArray();
            var returned = function.Method.Invoke(instance, arguments)!;
            var result = returned as IActionResult ?? await (Task<IActionResult>)returned;
            await result.ExecuteResultAsync(
                new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        };
    }

    private static Func<HttpContext, object?> CreateBinder(
        HttpFunction function, ParameterInfo parameter, HashSet<string> routeParameters)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
            return context => context.Request;
        if (parameter.ParameterType == typeof(CancellationToken))
            return context => context.RequestAborted;
        if (parameter.ParameterType == typeof(string) && routeParameters.Contains(parameter.Name!))
            return context => context.GetRouteValue(parameter.Name!)?.ToString();
        if (parameter.ParameterType == typeof(DurableTaskClient))
            return context => context.RequestServices.GetRequiredService<DurableTaskClient>();

        throw new InvalidOperationException(
            $"Function {function.Name}: the local host cannot bind parameter '{parameter.Name}' " +
            $"of type {parameter.ParameterType.Name}.");
    }
}
