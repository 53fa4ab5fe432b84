using System.Collections.Concurrent;
using System.Reflection;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Clinic.Functions.Hosting;

/// <summary>
/// The Functions app's seat for the shared <see cref="AccessGate"/>: every HTTP function passes it.
/// </summary>
internal sealed class AccessPolicyMiddleware(AccessGate gate) : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, AccessPolicy?> Policies =
        new(StringComparer.Ordinal);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var httpContext = context.GetHttpContext();
        if (httpContext is null)
        {
            await next(context);
            return;
        }

        var policy = Policies.GetOrAdd(context.FunctionDefinition.EntryPoint, PolicyOf);
        var refusal = RequestLimits.Check(httpContext.Request) ?? await gate.AdmitAsync(
            httpContext, policy, context.FunctionDefinition.Name, context.CancellationToken);
        if (refusal is null)
            await next(context);
        else
            context.GetInvocationResult().Value = ApiResults.Problem(httpContext, refusal);
    }

    /// <summary>
    /// Finds the method behind an entry point such as <c>Namespace.Type.Method</c> in this assembly.
    /// </summary>
    private static AccessPolicy? PolicyOf(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var type = typeof(AccessPolicyMiddleware).Assembly.GetType(entryPoint[..split]);
        var method = type?.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance);
        return method is null ? null : FunctionPolicies.Of(method);
    }
}
