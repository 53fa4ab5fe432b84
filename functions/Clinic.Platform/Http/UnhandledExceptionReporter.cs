using Clinic.Platform.Alerts;
using Clinic.Platform.Errors;
using Clinic.Platform.Resilience;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Http;

/// <summary>
/// The single place where an exception that escaped a function is logged and answered: once, with the
/// correlation id and the exception's type and stack, and with a response that shows nothing internal. The
/// exception's message is not logged, since it may quote input. A dependency that is unavailable (open
/// circuit, timeout, transient failure past its retries) is a 503 with Retry-After, not a 500.
/// </summary>
public sealed partial class UnhandledExceptionReporter(
    IAlertSink alerts,
    ILogger<UnhandledExceptionReporter> logger)
{
    public ApiResult Report(HttpContext context, Exception exception, string functionName)
    {
        ArgumentNullException.ThrowIfNull(exception);

        var correlationId = CorrelationIds.Get(context);
        var type = exception.GetType().FullName ?? "unknown";
        if (DependencyFailures.IsUnavailable(exception, out var retryAfter))
        {
            LogUnavailable(logger, functionName, type, correlationId);
            var unavailable = ApiResults.Problem(context, Unavailable);
            unavailable.Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            return unavailable;
        }

        LogUnhandled(logger, functionName, type, correlationId, exception.StackTrace ?? "");
        alerts.Raise(
            AlertSeverity.Error, "UnhandledException", $"{type} in function {functionName}", correlationId);
        return ApiResults.Unexpected(context);
    }

    private static Failure Unavailable { get; } = new(
        FailureKind.Unavailable,
        "service-unavailable",
        "The service is briefly unavailable. Please retry shortly.");

    [LoggerMessage(1001, LogLevel.Error,
        "Unhandled {ExceptionType} in function {FunctionName} (correlation {CorrelationId}) at {StackTrace}",
        EventName = "UnhandledException")]
    private static partial void LogUnhandled(
        ILogger logger, string functionName, string exceptionType, string correlationId, string stackTrace);

    [LoggerMessage(1002, LogLevel.Error,
        "Function {FunctionName} failed: a dependency is unavailable " +
        "({ExceptionType}, correlation {CorrelationId})",
        EventName = "DependencyUnavailable")]
    private static partial void LogUnavailable(
        ILogger logger, string functionName, string exceptionType, string correlationId);
}
