namespace Clinic.Notifications.Transport;

/// <summary>
/// The one seam between the notification flow and its transport: Azure Storage Queues here. docs/architecture.md
/// ("Notifications") says what Azure Service Bus would add and what moving to it takes.
/// </summary>
public interface INotificationQueue
{
    /// <summary>Sends <paramref name="message"/> as JSON, visible after <paramref name="delay"/> (7 days at most).
    /// </summary>
    Task SendAsync<T>(string queueName, T message, TimeSpan? delay, CancellationToken cancellationToken);

    /// <summary>Sends a message body as it is, for a dead letter replayed by an administrator.</summary>
    Task SendRawAsync(string queueName, string body, CancellationToken cancellationToken);
}
