using System.Reflection;

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
    private readonly ParameterBinder<TInput>[] _binders;

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
            .Select(parameter => binderOf(parameter) ?? throw new InvalidOperationException(
                $"Function {functionName}: the local host cannot bind parameter '{parameter.Name}' " +
                $"of type {parameter.ParameterType.Name}."))
            .ToArray();
    }

    /// <summary>
    /// Runs the function once; its exceptions, binding failures included, reach the caller.
    /// </summary>
    public async Task InvokeAsync(
        IServiceScopeFactory scopes, TInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);

        await using var scope = scopes.CreateAsyncScope();
        var instance = _factory?.Invoke(scope.ServiceProvider, null);
        var arguments = _binders.Select(bind => bind(input, cancellationToken)).ToArray();

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
