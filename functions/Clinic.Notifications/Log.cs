using Clinic.Notifications.Deliveries;
using Microsoft.Extensions.Logging;

namespace Clinic.Notifications;

/// <summary>
/// The notification flow's events, ids 5000-5099 (the senders log 5100-5149): appointment ids, delivery names
/// (kind, version, channel) and codes only. No address, name or message text is ever an argument.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Notification {Delivery} of appointment {AppointmentId} queued",
        EventName = "NotificationQueued")]
    public static partial void DeliveryQueued(ILogger logger, string appointmentId, string delivery);

    [LoggerMessage(5002, LogLevel.Information,
        "Notification {Delivery} of appointment {AppointmentId} suppressed: {Reason}",
        EventName = "NotificationSuppressed")]
    public static partial void DeliverySuppressed(ILogger logger, string appointmentId, string delivery, string reason);

    [LoggerMessage(5003, LogLevel.Information,
        "Notification {Delivery} of appointment {AppointmentId} sent at attempt {Attempt}",
        EventName = "NotificationSent")]
    public static partial void NotificationSent(ILogger logger, string appointmentId, string delivery, int attempt);

    [LoggerMessage(5004, LogLevel.Information,
        "Notification {Delivery} of appointment {AppointmentId} is {State} already; this copy was dropped",
        EventName = "NotificationDuplicateDropped")]
    public static partial void DuplicateDropped(
        ILogger logger, string appointmentId, string delivery, DeliveryState state);

    [LoggerMessage(5005, LogLevel.Information,
        "SMS {Delivery} of appointment {AppointmentId} waits {Wait} for the end of quiet hours",
        EventName = "NotificationDeferred")]
    public static partial void SmsDeferred(ILogger logger, string appointmentId, string delivery, TimeSpan wait);

    [LoggerMessage(5006, LogLevel.Warning,
        "Notification {Delivery} of appointment {AppointmentId} throttled by the provider; retrying in {Wait}",
        EventName = "NotificationThrottled")]
    public static partial void SendThrottled(ILogger logger, string appointmentId, string delivery, TimeSpan wait);

    [LoggerMessage(5007, LogLevel.Warning,
        "Notification {Delivery} of appointment {AppointmentId} failed ({Code}); retrying in {Wait}",
        EventName = "NotificationRetrying")]
    public static partial void SendRetrying(
        ILogger logger, string appointmentId, string delivery, string code, TimeSpan wait);

    [LoggerMessage(5008, LogLevel.Warning,
        "Notification {Delivery} of appointment {AppointmentId} refused for good: {Code}",
        EventName = "NotificationFailed")]
    public static partial void SendFailedPermanently(
        ILogger logger, string appointmentId, string delivery, string code);

    [LoggerMessage(5009, LogLevel.Error,
        "A message of {Queue} was dead-lettered as {DeadLetterId} (appointment {AppointmentId})",
        EventName = "NotificationDeadLettered")]
    public static partial void NotificationDeadLettered(
        ILogger logger, string queue, string deadLetterId, string appointmentId);

    [LoggerMessage(5010, LogLevel.Information, "Dead letter {DeadLetterId} replayed to {Queue}",
        EventName = "DeadLetterReplayed")]
    public static partial void DeadLetterReplayed(ILogger logger, string deadLetterId, string queue);

    [LoggerMessage(5011, LogLevel.Information, "Queued reminders for {Count} appointments",
        EventName = "RemindersQueued")]
    public static partial void RemindersQueued(ILogger logger, int count);

    [LoggerMessage(5012, LogLevel.Information,
        "Notification {Delivery} of appointment {AppointmentId} is being sent by another instance; "
        + "this copy comes back in {Wait}",
        EventName = "NotificationBusy")]
    public static partial void DeliveryBusy(
        ILogger logger, string appointmentId, string delivery, TimeSpan wait);
}
