using Clinic.Notifications.Calendar;
using Clinic.Notifications.Content;
using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Recipients;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Templates;
using Clinic.Notifications.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Clinic.Notifications.Pipeline;

/// <summary>
/// Sends one channel's message at most once. It takes the delivery record with a lease (a conditional write,
/// so of two instances only one sends, and a copy that finds the lease held comes back when it runs out),
/// drops messages that are stale or already sent, holds an SMS until
/// the patient's quiet hours end, and answers the provider: sent; throttled (queued again after the
/// provider's delay); transient (queued again with exponential backoff, and dead-lettered after the last
/// attempt); permanent (recorded failed, not retried). Nothing here waits in a loop: every delay is a new
/// queue message that becomes visible later.
/// </summary>
public sealed class ChannelDelivery(
    IDeliveryStore deliveries,
    IRecipientDirectory recipients,
    IAppointmentSource appointments,
    INotificationQueue queue,
    NotificationQueues queues,
    NotificationRenderer renderer,
    AppointmentInvitation invitations,
    IEmailSender email,
    ISmsSender sms,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<ChannelDelivery> logger)
{
    /// <summary>
    /// Added to the rest of another instance's lease before a copy comes back: the clocks of two instances
    /// differ a little, and a copy that came back a moment early would only be queued again.
    /// </summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(1);

    private NotificationOptions Settings => options.Value;

    public async Task HandleAsync(ChannelWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);

        var claimed = await ClaimAsync(work, cancellationToken);
        if (claimed is null)
            return;

        var notification = work.Event;
        var appointment = await appointments.FindAsync(
            notification.DoctorId, notification.AppointmentId, cancellationToken);
        if (IsStale(notification, appointment))
        {
            await FinishAsync(claimed, DeliveryState.Suppressed, "stale", null, cancellationToken);
            return;
        }

        // The patient may have withdrawn consent or removed the address since the fan-out: a choice, not a fault.
        var recipient = await recipients.FindAsync(notification.PatientId, cancellationToken);
        if (NotReachable(work.Channel, recipient) is { } reason)
        {
            await FinishAsync(claimed, DeliveryState.Suppressed, reason, null, cancellationToken);
            return;
        }

        var zoneId = recipient!.TimeZone ?? appointment!.DoctorTimeZone;
        var quiet = work.Channel == NotificationChannel.Sms
            && await DeferForQuietHoursAsync(work, claimed, zoneId, cancellationToken);
        if (quiet)
            return;

        var content = Content(notification, recipient, appointment!, zoneId);
        var outcome = await SendAsync(work, content, recipient, cancellationToken);
        await AnswerAsync(work, claimed, outcome, cancellationToken);
    }

    /// <summary>
    /// Takes the delivery for this instance; null when this copy has nothing to do. That is when the delivery
    /// is final, or when another instance holds it: then this copy is queued again to come back once that
    /// lease has run out, and is dropped or takes over then. It is not thrown back to the queue, whose few
    /// quick redeliveries would end in the poison queue while the other instance still sends.
    /// </summary>
    private async Task<StoredDelivery?> ClaimAsync(ChannelWork work, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await deliveries.FindAsync(work.Key, cancellationToken);
        if (stored is null)
        {
            // A replayed dead letter whose record was cleaned up, or a message older than its record: start one.
            await deliveries.TryAddAsync(
                new DeliveryRecord(work.Key, DeliveryState.Queued, 0, null, null, null, now), cancellationToken);
            stored = await deliveries.FindAsync(work.Key, cancellationToken);
        }

        var record = stored!.Record;
        if (record.IsFinal)
        {
            Log.DuplicateDropped(logger, work.Event.AppointmentId, work.Key.Name, record.State);
            return null;
        }

        if (record.IsHeldAt(now))
        {
            await ComeBackLaterAsync(work, record.LeaseUntil!.Value - now, cancellationToken);
            return null;
        }

        var sending = record with
        {
            State = DeliveryState.Sending,
            Attempts = record.Attempts + 1,
            LeaseUntil = now + Settings.SendLease,
            UpdatedAt = now,
        };
        var claimed = await deliveries.ReplaceAsync(stored, sending, cancellationToken);

        // Another instance wrote the record since it was read here: it has just taken a lease of its own.
        if (claimed is null)
            await ComeBackLaterAsync(work, Settings.SendLease, cancellationToken);
        return claimed;
    }

    private async Task ComeBackLaterAsync(
        ChannelWork work, TimeSpan leaseLeft, CancellationToken cancellationToken)
    {
        var wait = leaseLeft + LeaseMargin;
        await queue.SendAsync(queues.For(work.Channel), work, wait, cancellationToken);
        Log.DeliveryBusy(logger, work.Event.AppointmentId, work.Key.Name, wait);
    }

    /// <summary>
    /// A message about an appointment that changed since is stale: the change brought its own message. A
    /// cancellation is never stale, it is the last word; anything else about a cancelled appointment is.
    /// </summary>
    private static bool IsStale(NotificationEvent notification, AppointmentSnapshot? appointment) =>
        notification.Kind switch
        {
            _ when appointment is null => true,
            NotificationKind.Cancellation => false,

            // Its version is the invoice's, not the appointment's; only a cancellation makes it moot.
            NotificationKind.PaymentFailed => appointment.IsCancelled,
            _ => appointment.IsCancelled || appointment.Version != notification.Version,
        };

    private async Task<bool> DeferForQuietHoursAsync(
        ChannelWork work, StoredDelivery claimed, string zoneId, CancellationToken cancellationToken)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc;
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var allowed = QuietHours.NextAllowed(now, zone, Settings.QuietHoursStart, Settings.QuietHoursEnd);
        if (allowed == now)
            return false;

        var wait = (allowed - now).ToTimeSpan();
        await queue.SendAsync(queues.For(work.Channel), work, wait, cancellationToken);
        await FinishAsync(claimed, DeliveryState.Deferred, "quiet-hours", null, cancellationToken, undoAttempt: true);
        Log.SmsDeferred(logger, work.Event.AppointmentId, work.Key.Name, wait);
        return true;
    }

    private NotificationContent Content(
        NotificationEvent notification, Recipient recipient, AppointmentSnapshot appointment, string zoneId) =>
        new(notification.Kind, notification.AppointmentId, notification.Version, recipient.DisplayName,
            appointment.DoctorDisplayName, Instant.FromDateTimeOffset(notification.StartUtc),
            Instant.FromDateTimeOffset(notification.EndUtc),
            notification.PreviousStartUtc is { } previous ? Instant.FromDateTimeOffset(previous) : null,
            zoneId, recipient.Locale, Settings.ClinicName);

    /// <summary>Why the channel may not be used for this recipient now (always so without one), or null.</summary>
    private static string? NotReachable(NotificationChannel channel, Recipient? recipient) =>
        channel == NotificationChannel.Sms
            ? string.IsNullOrWhiteSpace(recipient?.Phone) || !recipient.SmsConsent || !recipient.WantsSms
                ? "no-consent"
                : null
            : string.IsNullOrWhiteSpace(recipient?.Email) || !recipient.WantsEmail
                ? "no-address"
                : null;

    private async Task<SendOutcome> SendAsync(
        ChannelWork work, NotificationContent content, Recipient recipient, CancellationToken cancellationToken)
    {
        var key = work.Key.IdempotencyKey;
        if (work.Channel == NotificationChannel.Sms)
        {
            var text = renderer.RenderSms(content);
            return await sms.SendAsync(new SmsMessage(recipient.Phone!, text.Text, key, work.FirstQueuedAt),
                cancellationToken);
        }

        var rendered = renderer.RenderEmail(content);
        var attachments = content.Kind == NotificationKind.PaymentFailed
            ? []
            : new[] { Invitation(content, recipient.Email!) };
        return await email.SendAsync(
            new EmailMessage(recipient.Email!, rendered.Subject, rendered.Html, rendered.Text, attachments, key),
            cancellationToken);
    }

    /// <summary>The calendar entry, updated by each message about the appointment (same UID, later SEQUENCE).</summary>
    private EmailAttachment Invitation(NotificationContent content, string attendee)
    {
        var invitation = invitations.Build(content, attendee, Instant.FromDateTimeOffset(time.GetUtcNow()));
        return new EmailAttachment(
            "appointment.ics", invitation.ContentType, System.Text.Encoding.UTF8.GetBytes(invitation.Text));
    }

    private async Task AnswerAsync(
        ChannelWork work, StoredDelivery claimed, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var channelQueue = queues.For(work.Channel);
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                await FinishAsync(claimed, DeliveryState.Sent, null, sent.ProviderMessageId, cancellationToken);
                Log.NotificationSent(logger, work.Event.AppointmentId, work.Key.Name, claimed.Record.Attempts);
                break;

            case SendOutcome.Throttled throttled:
                await queue.SendAsync(channelQueue, work, throttled.RetryAfter, cancellationToken);
                await FinishAsync(claimed, DeliveryState.Retrying, "429", null, cancellationToken);
                Log.SendThrottled(logger, work.Event.AppointmentId, work.Key.Name, throttled.RetryAfter);
                break;

            case SendOutcome.Transient transient when work.Attempt + 1 < Settings.MaxAttempts:
                var delay = Settings.RetryDelay(work.Attempt + 1);
                await queue.SendAsync(channelQueue, work with { Attempt = work.Attempt + 1 }, delay, cancellationToken);
                await FinishAsync(claimed, DeliveryState.Retrying, transient.Code, null, cancellationToken);
                Log.SendRetrying(logger, work.Event.AppointmentId, work.Key.Name, transient.Code, delay);
                break;

            case SendOutcome.Transient transient:
                // The last attempt failed: to the dead letters, where the poison handler alerts and keeps it.
                // The lease goes first: the handler may run as soon as the message is on the poison queue,
                // and it leaves a delivery that is still held as it is. Should the move fail, the exception
                // leaves this message on its queue, shown again with the delivery free to take: never lost.
                await FinishAsync(claimed, DeliveryState.Retrying, transient.Code, null, cancellationToken);
                await queue.SendAsync(channelQueue + NotificationQueues.PoisonSuffix,
                    work with { Attempt = work.Attempt + 1 }, null, cancellationToken);
                break;

            case SendOutcome.Permanent permanent:
                await FinishAsync(claimed, DeliveryState.Failed, permanent.Code, null, cancellationToken);
                Log.SendFailedPermanently(logger, work.Event.AppointmentId, work.Key.Name, permanent.Code);
                break;
        }
    }

    private async Task FinishAsync(
        StoredDelivery claimed,
        DeliveryState state,
        string? reason,
        string? providerMessageId,
        CancellationToken cancellationToken,
        bool undoAttempt = false)
    {
        var record = claimed.Record;
        var finished = record with
        {
            State = state,
            Reason = reason,
            ProviderMessageId = providerMessageId ?? record.ProviderMessageId,
            Attempts = undoAttempt ? record.Attempts - 1 : record.Attempts,
            LeaseUntil = null,
            UpdatedAt = time.GetUtcNow(),
        };

        // The lease is ours, so only an instance that outwaited it could have changed the record; the send
        // happened either way, and the record says so at the next attempt.
        await deliveries.ReplaceAsync(claimed, finished, cancellationToken);
    }
}
