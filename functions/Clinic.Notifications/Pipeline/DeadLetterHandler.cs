using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Transport;
using Clinic.Platform.Alerts;
using Clinic.Platform.Json;
using Microsoft.Extensions.Logging;

namespace Clinic.Notifications.Pipeline;

/// <summary>
/// Handles what lands in a <c>-poison</c> queue: keeps the message for administrators, marks its delivery
/// dead-lettered, and raises an alert. Administrators list the dead letters and replay them.
/// </summary>
public sealed class DeadLetterHandler(
    IDeadLetterStore deadLetters,
    IDeliveryStore deliveries,
    INotificationQueue queue,
    IAlertSink alerts,
    TimeProvider time,
    ILogger<DeadLetterHandler> logger)
{
    public const int MaxListed = 200;

    public async Task HandleAsync(string sourceQueue, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceQueue);
        ArgumentNullException.ThrowIfNull(body);

        var id = DeadLetterId(sourceQueue, body);
        await deadLetters.AddAsync(new DeadLetter(id, sourceQueue, body, time.GetUtcNow()), cancellationToken);
        var work = TryRead(body);
        if (work is not null)
            await MarkAsync(work.Key, DeliveryState.DeadLettered, cancellationToken);

        Log.NotificationDeadLettered(logger, sourceQueue, id, work?.Event.AppointmentId ?? "unknown");
        alerts.Raise(AlertSeverity.Critical, "NotificationDeadLettered",
            $"A message of {sourceQueue} could not be delivered (dead letter {id})", id);
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken) =>
        deadLetters.ListAsync(MaxListed, cancellationToken);

    /// <summary>Puts a dead letter back on the queue it came from, with its attempts reset; false if unknown.</summary>
    public async Task<bool> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        var letter = await deadLetters.FindAsync(id, cancellationToken);
        if (letter is null)
            return false;

        var target = letter.SourceQueue.EndsWith(NotificationQueues.PoisonSuffix, StringComparison.Ordinal)
            ? letter.SourceQueue[..^NotificationQueues.PoisonSuffix.Length]
            : letter.SourceQueue;
        var work = TryRead(letter.Body);
        if (work is not null)
        {
            await MarkAsync(work.Key, DeliveryState.Queued, cancellationToken);
            await queue.SendAsync(target, work with { Attempt = 0 }, null, cancellationToken);
        }
        else
        {
            await queue.SendRawAsync(target, letter.Body, cancellationToken);
        }

        await deadLetters.RemoveAsync(id, cancellationToken);
        Log.DeadLetterReplayed(logger, id, target);
        return true;
    }

    /// <summary>
    /// Changes the delivery's state, unless it was sent or an instance is sending it right now. A dead letter
    /// may be a copy, or a second dead letter of one delivery: marking a delivery in flight would end that
    /// instance's lease, and let a replayed copy send it once more.
    /// </summary>
    private async Task MarkAsync(DeliveryKey key, DeliveryState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await deliveries.FindAsync(key, cancellationToken);
        if (stored is null || stored.Record.State == DeliveryState.Sent || stored.Record.IsHeldAt(now))
            return;

        var changed = stored.Record with { State = state, LeaseUntil = null, UpdatedAt = now };
        await deliveries.ReplaceAsync(stored, changed, cancellationToken);
    }

    /// <summary>A channel message, or null for anything else (an event, or a body that is not ours).</summary>
    private static ChannelWork? TryRead(string body)
    {
        try
        {
            var work = JsonSerializer.Deserialize<ChannelWork>(body, ClinicJson.Options);
            return work?.Event is null ? null : work;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The same message dead-lettered twice is kept once.</summary>
    private static string DeadLetterId(string sourceQueue, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceQueue + "\n" + body)).AsSpan(0, 16));
}
