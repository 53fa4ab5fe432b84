using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Http;

/// <summary>
/// The single place where an exception that escaped a function is logged and answered: once, at Error,
/// with the correlation id, and with a response that shows nothing internal.
/// </summary>
public sealed partial class UnhandledExceptionReporter(ILogger<UnhandledExceptionReporter> logger)
{
    public ApiResult Report(HttpContext context, Exception exception, string functionName)
    {
        ArgumentNullException.ThrowIfNull(exception);

        var correlationId = CorrelationIds.Get(context);
        LogUnhandled(
            logger, exception, functionName, exception.GetType().FullName ?? "unknown", correlationId);
        return ApiResults.Unexpected(context);
    }

    [LoggerMessage(1001, LogLevel.Error,
        "Unhandled {ExceptionType} in function {FunctionName} (correlation {CorrelationId})",
        EventName = "UnhandledException")]
    private static partial void LogUnhandled(
        ILogger logger, Exception exception, string functionName, string exceptionType, string correlationId);
}
