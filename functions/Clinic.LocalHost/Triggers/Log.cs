namespace Clinic.LocalHost.Triggers;

/// <summary>
/// The local host's trigger events, ids 1160-1179. Messages can carry personal data, and exception messages
/// can quote them, so neither is ever logged: function and queue names, message ids, dequeue counts,
/// exception types and stack traces only.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1160, LogLevel.Information, "Function {FunctionName} listens to queue {QueueName}",
        EventName = "QueueListenerStarted")]
    public static partial void QueueListenerStarted(ILogger logger, string functionName, string queueName);

    [LoggerMessage(1161, LogLevel.Error,
        "Function {FunctionName} failed on message {MessageId} (dequeue count {DequeueCount}): " +
        "{ExceptionType} at {StackTrace}",
        EventName = "QueueFunctionFailed")]
    public static partial void QueueFunctionFailed(
        ILogger logger, string functionName, string messageId, long dequeueCount, string exceptionType,
        string stackTrace);

    [LoggerMessage(1162, LogLevel.Error,
        "Message {MessageId} of queue {QueueName} moved to {PoisonQueueName} after {DequeueCount} attempts " +
        "by function {FunctionName}",
        EventName = "QueueMessagePoisoned")]
    public static partial void QueueMessagePoisoned(
        ILogger logger, string messageId, string queueName, string poisonQueueName, long dequeueCount,
        string functionName);

    [LoggerMessage(1163, LogLevel.Warning,
        "Queue {QueueName} of function {FunctionName} is unreachable ({ExceptionType}); " +
        "next try in {RetryAfter}",
        EventName = "QueueUnreachable")]
    public static partial void QueueUnreachable(
        ILogger logger, string queueName, string functionName, string exceptionType, TimeSpan retryAfter);

    [LoggerMessage(1164, LogLevel.Warning,
        "Message {MessageId} of function {FunctionName} could not be {Settlement} ({ExceptionType}); " +
        "it is received again once its lease ends",
        EventName = "QueueMessageNotSettled")]
    public static partial void QueueMessageNotSettled(
        ILogger logger, string messageId, string functionName, string settlement, string exceptionType);

    [LoggerMessage(1165, LogLevel.Information,
        "Message {MessageId} of function {FunctionName} released unfinished at shutdown",
        EventName = "QueueMessageReleasedAtShutdown")]
    public static partial void QueueMessageReleasedAtShutdown(
        ILogger logger, string messageId, string functionName);

    [LoggerMessage(1170, LogLevel.Information,
        "Timer function {FunctionName} runs on schedule {Schedule}; next occurrence {Next}",
        EventName = "TimerScheduled")]
    public static partial void TimerScheduled(
        ILogger logger, string functionName, string schedule, DateTimeOffset next);

    [LoggerMessage(1171, LogLevel.Error,
        "Timer function {FunctionName} failed: {ExceptionType} at {StackTrace}",
        EventName = "TimerFunctionFailed")]
    public static partial void TimerFunctionFailed(
        ILogger logger, string functionName, string exceptionType, string stackTrace);

    [LoggerMessage(1178, LogLevel.Information,
        "{TriggerKind} triggers are off (LocalHost:Triggers:Enabled is false)",
        EventName = "TriggersDisabled")]
    public static partial void TriggersDisabled(ILogger logger, string triggerKind);
}
