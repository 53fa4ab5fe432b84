using Clinic.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Http;

/// <summary>
/// Logs each refused request once, at Information: the problem type and, for validation, the names of the
/// bad fields. Never their values, which are the caller's input. Unexpected errors are logged by the
/// exception reporter instead.
/// </summary>
internal static partial class RequestLog
{
    public static void Refused(HttpContext context, Failure failure, int status)
    {
        if (failure.Kind is FailureKind.Unexpected or FailureKind.Unavailable)
            return;

        var logger = context.RequestServices?.GetService<ILoggerFactory>()
            ?.CreateLogger("Clinic.Platform.Http");
        if (logger is null)
            return;

        var correlationId = CorrelationIds.Get(context);
        if (failure.Errors is { } errors)
        {
            LogValidationFailed(
                logger, status, string.Join(',', errors.Keys.Order(StringComparer.Ordinal)), correlationId);
        }
        else
        {
            LogRequestRefused(logger, status, failure.Code, correlationId);
        }
    }

    [LoggerMessage(1040, LogLevel.Information,
        "Request refused with {Status}: invalid fields {Fields} (correlation {CorrelationId})",
        EventName = "ValidationFailed")]
    private static partial void LogValidationFailed(
        ILogger logger,
        int status,
        string fields,
        string correlationId);

    [LoggerMessage(1041, LogLevel.Information,
        "Request refused with {Status}: {ProblemCode} (correlation {CorrelationId})",
        EventName = "RequestRefused")]
    private static partial void LogRequestRefused(
        ILogger logger,
        int status,
        string problemCode,
        string correlationId);
}
