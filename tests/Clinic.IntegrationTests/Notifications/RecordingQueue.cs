using Clinic.Notifications.Transport;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// Keeps every message the app queues with the visibility delay it asked for, and passes it on to the real
/// queue when there is one: a retry's delay is read here, not measured with a clock.
/// </summary>
internal sealed class RecordingQueue(INotificationQueue? inner = null) : INotificationQueue
{
    private readonly List<QueuedMessage> _sent = [];

    public IReadOnlyList<QueuedMessage> Sent
    {
        get
        {
            lock (_sent)
                return _sent.ToList();
        }
    }

    public async Task SendAsync<T>(
        string queueName, T message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        if (inner is not null)
            await inner.SendAsync(queueName, message, delay, cancellationToken);
        lock (_sent)
            _sent.Add(new QueuedMessage(queueName, message, delay));
    }

    public async Task SendRawAsync(string queueName, string body, CancellationToken cancellationToken)
    {
        if (inner is not null)
            await inner.SendRawAsync(queueName, body, cancellationToken);
        lock (_sent)
            _sent.Add(new QueuedMessage(queueName, body, null));
    }
}
