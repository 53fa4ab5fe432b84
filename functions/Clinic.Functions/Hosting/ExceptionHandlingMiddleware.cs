using Clinic.Platform.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Clinic.Functions.Hosting;

/// <summary>
/// Answers an exception that escaped an HTTP function with problem details, through the shared reporter.
/// </summary>
internal sealed class ExceptionHandlingMiddleware(
    UnhandledExceptionReporter reporter) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { } httpContext)
        {
            context.GetInvocationResult().Value =
                reporter.Report(httpContext, exception, context.FunctionDefinition.Name);
        }
    }
}
