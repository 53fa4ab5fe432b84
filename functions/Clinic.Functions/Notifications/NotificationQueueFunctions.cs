using Clinic.Notifications.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Notifications;

/// <summary>
/// The queue side of notifications: fan-out of events into channel messages, one sender per channel queue,
/// and the dead-letter handlers of the <c>-poison</c> queues. None is reachable over HTTP.
/// </summary>
public sealed class NotificationQueueFunctions(
    NotificationFanOut fanOut, ChannelDelivery delivery, DeadLetterHandler deadLetters)
{
    [Function("FanOutNotification")]
    public Task FanOut(
        [QueueTrigger(NotificationQueues.Events)] NotificationEvent notification,
        CancellationToken cancellationToken) =>
        fanOut.HandleAsync(notification, cancellationToken);

    [Function("SendEmailNotification")]
    public Task SendEmail(
        [QueueTrigger(NotificationQueues.Email)] ChannelWork work, CancellationToken cancellationToken) =>
        delivery.HandleAsync(work, cancellationToken);

    [Function("SendSmsNotification")]
    public Task SendSms(
        [QueueTrigger(NotificationQueues.Sms)] ChannelWork work, CancellationToken cancellationToken) =>
        delivery.HandleAsync(work, cancellationToken);

    [Function("DeadLetterEvent")]
    public Task DeadLetterEvent(
        [QueueTrigger(NotificationQueues.EventsPoison)] string body, CancellationToken cancellationToken) =>
        deadLetters.HandleAsync(NotificationQueues.EventsPoison, body, cancellationToken);

    [Function("DeadLetterEmail")]
    public Task DeadLetterEmail(
        [QueueTrigger(NotificationQueues.EmailPoison)] string body, CancellationToken cancellationToken) =>
        deadLetters.HandleAsync(NotificationQueues.EmailPoison, body, cancellationToken);

    [Function("DeadLetterSms")]
    public Task DeadLetterSms(
        [QueueTrigger(NotificationQueues.SmsPoison)] string body, CancellationToken cancellationToken) =>
        deadLetters.HandleAsync(NotificationQueues.SmsPoison, body, cancellationToken);
}
