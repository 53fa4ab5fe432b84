using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Recipients;
using Clinic.Notifications.Transport;
using Microsoft.Extensions.Logging;

namespace Clinic.Notifications.Pipeline;

/// <summary>
/// Turns one event into one message per channel the patient allows, each on its own queue. A delivery record is
/// inserted first: an event handled twice finds its records and queues nothing new, and a channel the patient
/// does not allow is recorded as suppressed with the reason.
/// </summary>
public sealed class NotificationFanOut(
    IRecipientDirectory recipients,
    IDeliveryStore deliveries,
    INotificationQueue queue,
    NotificationQueues queues,
    TimeProvider time,
    ILogger<NotificationFanOut> logger)
{
    public async Task HandleAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);

        var recipient = await recipients.FindAsync(notification.PatientId, cancellationToken);
        foreach (var channel in Enum.GetValues<NotificationChannel>())
        {
            var refusal = Refusal(recipient, channel);
            await RecordAndQueueAsync(notification, channel, refusal, cancellationToken);
        }
    }

    private async Task RecordAndQueueAsync(
        NotificationEvent notification, NotificationChannel channel, string? refusal, CancellationToken token)
    {
        var now = time.GetUtcNow();
        var key = new DeliveryKey(notification.AppointmentId, notification.Kind, notification.Version, channel);
        var state = refusal is null ? DeliveryState.Queued : DeliveryState.Suppressed;
        var earlier = await deliveries.TryAddAsync(
            new DeliveryRecord(key, state, 0, refusal, null, null, now), token);

        // A record still queued may be one whose message was never sent (a crash between the two steps):
        // queue it again; the channel handler sends at most once per record.
        var queueIt = earlier is null ? refusal is null : earlier.Record.State == DeliveryState.Queued;
        if (!queueIt)
        {
            if (earlier is null)
                Log.DeliverySuppressed(logger, notification.AppointmentId, key.Name, refusal!);
            return;
        }

        await queue.SendAsync(
            queues.For(channel), new ChannelWork(notification, channel, 0, now), null, token);
        Log.DeliveryQueued(logger, notification.AppointmentId, key.Name);
    }

    private static string? Refusal(Recipient? recipient, NotificationChannel channel) => channel switch
    {
        _ when recipient is null => "no-profile",
        NotificationChannel.Email when string.IsNullOrWhiteSpace(recipient.Email) => "no-address",
        NotificationChannel.Email when !recipient.WantsEmail => "channel-off",
        NotificationChannel.Sms when string.IsNullOrWhiteSpace(recipient.Phone) => "no-address",
        NotificationChannel.Sms when !recipient.SmsConsent => "no-consent",
        NotificationChannel.Sms when !recipient.WantsSms => "channel-off",
        _ => null,
    };
}
