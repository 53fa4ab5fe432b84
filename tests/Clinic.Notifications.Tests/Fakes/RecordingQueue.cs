using Clinic.Notifications.Transport;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>Keeps every message sent, with its visibility delay, instead of sending it.</summary>
internal sealed class RecordingQueue : INotificationQueue
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

    public Task SendAsync<T>(
        string queueName, T message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_sent)
            _sent.Add(new QueuedMessage(queueName, message, delay));
        return Task.CompletedTask;
    }

    public Task SendRawAsync(string queueName, string body, CancellationToken cancellationToken)
    {
        lock (_sent)
            _sent.Add(new QueuedMessage(queueName, body, null));
        return Task.CompletedTask;
    }
}
