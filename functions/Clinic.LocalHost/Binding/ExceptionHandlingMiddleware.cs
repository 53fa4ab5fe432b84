using Clinic.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Clinic.LocalHost.Binding;

/// <summary>
/// The local host's seat for the shared reporter, as the Functions app's worker middleware is.
/// </summary>
public sealed class ExceptionHandlingMiddleware(RequestDelegate next, UnhandledExceptionReporter reporter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            var functionName = context.GetEndpoint()?.Metadata.GetMetadata<HttpFunction>()?.Name ?? "none";
            var result = reporter.Report(context, exception, functionName);
            await result.ExecuteResultAsync(
                new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        }
    }
}
