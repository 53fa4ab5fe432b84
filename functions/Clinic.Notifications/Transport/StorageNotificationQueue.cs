using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using Clinic.Platform.Json;

namespace Clinic.Notifications.Transport;

/// <summary>
/// Azure Storage Queues as the transport. Messages are plain JSON (host.json sets <c>messageEncoding</c> to
/// <c>none</c> for the triggers); each queue is created on first use.
/// </summary>
public sealed class StorageNotificationQueue(QueueServiceClient service) : INotificationQueue
{
    /// <summary>The longest a Storage queue message may stay invisible.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);

    public async Task SendAsync<T>(
        string queueName, T message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(queueName, cancellationToken);
        await queue.SendMessageAsync(
            JsonSerializer.Serialize(message, ClinicJson.Options), Visibility(delay),
            timeToLive: TimeSpan.FromDays(14), cancellationToken);
    }

    /// <summary>
    /// The visibility timeout for a delay: none for no delay, else whole seconds, rounded up, and at most
    /// <see cref="MaxDelay"/>. Storage counts in whole seconds and the SDK drops the fraction, which would
    /// show a message before its time: an SMS held until 08:00 would come back at 07:59:59 and be held again,
    /// for less than a second, over and over.
    /// </summary>
    public static TimeSpan? Visibility(TimeSpan? delay)
    {
        if (delay is not { } wait || wait <= TimeSpan.Zero)
            return null;

        var seconds = TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds));
        return seconds > MaxDelay ? MaxDelay : seconds;
    }

    public async Task SendRawAsync(string queueName, string body, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(queueName, cancellationToken);
        await queue.SendMessageAsync(body, cancellationToken);
    }

    private Task<QueueClient> GetAsync(string queueName, CancellationToken cancellationToken)
    {
        var lazy = _queues.GetOrAdd(queueName, name => new Lazy<Task<QueueClient>>(async () =>
        {
            var queue = service.GetQueueClient(name);
            await queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return queue;
        }));
        return lazy.Value.WaitAsync(cancellationToken);
    }
}
