using Clinic.Notifications.Transport;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>Keeps every message sent, with its visibility delay, instead of sending it.</summary>
internal sealed class RecordingQueue : INotificationQueue
{
    private readonly List<QueuedMessage> _sent = [];

    /// <summary>
    /// Runs on each message before its send returns, as a trigger on another instance could take the message
    /// that soon; it may throw, as a send that fails.
    /// </summary>
    public Func<QueuedMessage, Task>? WhileSending { get; set; }

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
        var queued = new QueuedMessage(queueName, message, delay);
        if (WhileSending is { } handler)
            await handler(queued);
        lock (_sent)
            _sent.Add(queued);
    }

    public Task SendRawAsync(string queueName, string body, CancellationToken cancellationToken)
    {
        lock (_sent)
            _sent.Add(new QueuedMessage(queueName, body, null));
        return Task.CompletedTask;
    }
}
