using Clinic.Notifications.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Notifications;

/// <summary>
/// The queue side of notifications: fan-out of events into channel messages, one sender per channel queue,
/// and the dead-letter handlers of the <c>-poison</c> queues. None is reachable over HTTP. Each takes the raw
/// body and reads it with <see cref="NotificationMessages"/>, so both hosts bind it the same way. The queue
/// names start with the <c>Notifications:QueuePrefix</c> app setting, as the senders' do.
/// </summary>
public sealed class NotificationQueueFunctions(
    NotificationFanOut fanOut,
    ChannelDelivery delivery,
    DeadLetterHandler deadLetters,
    NotificationQueues queues)
{
    [Function("FanOutNotification")]
    public Task FanOut(
        [QueueTrigger(NotificationQueues.EventsTrigger)] string message,
        CancellationToken cancellationToken) =>
        fanOut.HandleAsync(NotificationMessages.ReadEvent(message), cancellationToken);

    [Function("SendEmailNotification")]
    public Task SendEmail(
        [QueueTrigger(NotificationQueues.EmailTrigger)] string message,
        CancellationToken cancellationToken) =>
        delivery.HandleAsync(NotificationMessages.ReadWork(message), cancellationToken);

    [Function("SendSmsNotification")]
    public Task SendSms(
        [QueueTrigger(NotificationQueues.SmsTrigger)] string message,
        CancellationToken cancellationToken) =>
        delivery.HandleAsync(NotificationMessages.ReadWork(message), cancellationToken);

    [Function("DeadLetterEvent")]
    public Task DeadLetterEvent(
        [QueueTrigger(NotificationQueues.EventsPoisonTrigger)] string body,
        CancellationToken cancellationToken) =>
        deadLetters.HandleAsync(queues.EventsPoison, body, cancellationToken);

    [Function("DeadLetterEmail")]
    public Task DeadLetterEmail(
        [QueueTrigger(NotificationQueues.EmailPoisonTrigger)] string body,
        CancellationToken cancellationToken) =>
        deadLetters.HandleAsync(queues.EmailPoison, body, cancellationToken);

    [Function("DeadLetterSms")]
    public Task DeadLetterSms(
        [QueueTrigger(NotificationQueues.SmsPoisonTrigger)] string body,
        CancellationToken cancellationToken) =>
        deadLetters.HandleAsync(queues.SmsPoison, body, cancellationToken);
}
