using System.Reflection;
using Microsoft.DurableTask.Client;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Calls a function method the way the isolated worker does: in a service scope of its own per invocation, on
/// an instance of its class built by dependency injection from that scope, with each parameter bound from the
/// trigger's input. A parameter that cannot be bound, or a return value (an output binding the local host
/// does not run), is refused when the invoker is built, so it shows at start-up rather than on a message.
/// </summary>
public sealed class FunctionInvoker<TInput>
{
    private readonly MethodInfo _method;
    private readonly ObjectFactory? _factory;
    private readonly Func<IServiceProvider, TInput, CancellationToken, object?>[] _binders;

    public FunctionInvoker(
        string functionName, MethodInfo method, Func<ParameterInfo, ParameterBinder<TInput>?> binderOf)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(binderOf);

        var returnType = method.ReturnType;
        if (returnType != typeof(void) && returnType != typeof(Task) && returnType != typeof(ValueTask))
        {
            throw new InvalidOperationException(
                $"Function {functionName}: the local host runs trigger functions that return void, Task or " +
                $"ValueTask; {returnType.Name} would be an output binding, which it does not run.");
        }

        _method = method;
        _factory = method.IsStatic
            ? null
            : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        _binders = method.GetParameters()
            .Select(parameter => FromServices(parameter) ?? FromInput(binderOf(parameter)) ??
                throw new InvalidOperationException(
                    $"Function {functionName}: the local host cannot bind parameter '{parameter.Name}' " +
                    $"of type {parameter.ParameterType.Name}."))
            .ToArray();
    }

    /// <summary>
    /// A <c>[DurableClient]</c> parameter gets the client of the in-process Durable host, as HTTP functions do;
    /// the Functions host hands over its own client there.
    /// </summary>
    private static Func<IServiceProvider, TInput, CancellationToken, object?>? FromServices(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(DurableTaskClient)
            ? (services, _, _) => services.GetRequiredService<DurableTaskClient>()
            : null;

    private static Func<IServiceProvider, TInput, CancellationToken, object?>? FromInput(
        ParameterBinder<TInput>? binder) =>
        binder is null ? null : (_, input, cancellationToken) => binder(input, cancellationToken);

    /// <summary>
    /// Runs the function once; its exceptions, binding failures included, reach the caller.
    /// </summary>
    public async Task InvokeAsync(
        IServiceScopeFactory scopes, TInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);

        await using var scope = scopes.CreateAsyncScope();
        var instance = _factory?.Invoke(scope.ServiceProvider, null);
        var arguments = _binders.Select(bind => bind(scope.ServiceProvider, input, cancellationToken)).ToArray();

        // Unwrapped, so the caller sees (and logs the type of) the function's own exception.
        var returned = _method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        switch (returned)
        {
            case Task task:
                await task;
                break;
            case ValueTask valueTask:
                await valueTask;
                break;
        }
    }
}
