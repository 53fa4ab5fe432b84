using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Clinic.LocalHost.Binding;

/// <summary>
/// The local host's seat for the shared <see cref="AccessGate"/>, as the worker middleware is.
/// </summary>
public sealed class AccessPolicyMiddleware(RequestDelegate next, AccessGate gate)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var function = context.GetEndpoint()?.Metadata.GetMetadata<HttpFunction>();
        if (function is null)
        {
            await next(context);
            return;
        }

        var policy = FunctionPolicies.Of(function.Method);
        var refusal = RequestLimits.Check(context.Request)
            ?? await gate.AdmitAsync(context, policy, function.Name, context.RequestAborted);
        if (refusal is null)
        {
            await next(context);
            return;
        }

        var problem = ApiResults.Problem(context, refusal);
        await problem.ExecuteResultAsync(
            new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }
}
