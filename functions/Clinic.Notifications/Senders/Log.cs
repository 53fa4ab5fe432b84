using Microsoft.Extensions.Logging;

namespace Clinic.Notifications.Senders;

/// <summary>
/// Events of the notification senders, ids 5100-5149. Arguments are channels, provider ids, outcome codes and
/// outbox file names only: never an address, a phone number, a subject or any text of a message.
/// </summary>
internal static partial class Log
{
    public const string Email = "Email";
    public const string Sms = "Sms";

    [LoggerMessage(5101, LogLevel.Information,
        "Email accepted by Azure Communication Services as operation {OperationId}",
        EventName = "NotificationEmailAccepted")]
    public static partial void EmailAccepted(ILogger logger, string operationId);

    [LoggerMessage(5102, LogLevel.Information, "Email operation {OperationId} succeeded",
        EventName = "NotificationEmailSucceeded")]
    public static partial void EmailSucceeded(ILogger logger, string operationId);

    [LoggerMessage(5103, LogLevel.Information,
        "Email operation {OperationId} still {Status} after {Polls} status requests; it counts as sent",
        EventName = "NotificationEmailPending")]
    public static partial void EmailPending(ILogger logger, string operationId, string status, int polls);

    [LoggerMessage(5104, LogLevel.Warning, "Email operation {OperationId} ended {Status}: {Code}",
        EventName = "NotificationEmailFailed")]
    public static partial void EmailFailed(ILogger logger, string operationId, string status, string code);

    [LoggerMessage(5105, LogLevel.Information,
        "Status of email operation {OperationId} unavailable ({Code}); the accepted email counts as sent",
        EventName = "NotificationEmailStatusUnavailable")]
    public static partial void EmailStatusUnavailable(ILogger logger, string operationId, string code);

    [LoggerMessage(5106, LogLevel.Information,
        "Text message accepted by Azure Communication Services as {MessageId}",
        EventName = "NotificationSmsAccepted")]
    public static partial void SmsAccepted(ILogger logger, string messageId);

    [LoggerMessage(5107, LogLevel.Warning, "{Channel} send refused, not to be retried: {Code}",
        EventName = "NotificationSendRefused")]
    public static partial void SendRefused(ILogger logger, string channel, string code);

    [LoggerMessage(5108, LogLevel.Warning, "{Channel} send throttled; retry after {RetryAfter}",
        EventName = "NotificationSendThrottled")]
    public static partial void SendThrottled(ILogger logger, string channel, TimeSpan retryAfter);

    [LoggerMessage(5109, LogLevel.Warning, "{Channel} send failed, may be retried: {Code}",
        EventName = "NotificationSendFailed")]
    public static partial void SendFailed(ILogger logger, string channel, string code);

    [LoggerMessage(5110, LogLevel.Error,
        "{Channel} send denied ({Code}): check the access key, or the identity's role on the Communication " +
        "Services resource; messages are retried until it is fixed",
        EventName = "NotificationSendDenied")]
    public static partial void SendDenied(ILogger logger, string channel, string code);

    [LoggerMessage(5120, LogLevel.Information, "{Channel} written to the outbox as {FileName}",
        EventName = "NotificationOutboxWritten")]
    public static partial void OutboxWritten(ILogger logger, string channel, string fileName);

    [LoggerMessage(5121, LogLevel.Information,
        "{Channel} with the same idempotency key is already in the outbox as {FileName}; not written again",
        EventName = "NotificationOutboxRepeat")]
    public static partial void OutboxRepeat(ILogger logger, string channel, string fileName);

    /// <summary>One line for an outcome that is not a success; successes have their own events.</summary>
    public static void Failure(ILogger logger, string channel, SendOutcome outcome)
    {
        switch (outcome)
        {
            case SendOutcome.Throttled throttled:
                SendThrottled(logger, channel, throttled.RetryAfter);
                break;
            case SendOutcome.Transient denied when AcsOutcomes.IsAccessDenied(denied.Code):
                SendDenied(logger, channel, denied.Code);
                break;
            case SendOutcome.Transient transient:
                SendFailed(logger, channel, transient.Code);
                break;
            case SendOutcome.Permanent permanent:
                SendRefused(logger, channel, permanent.Code);
                break;
        }
    }
}
