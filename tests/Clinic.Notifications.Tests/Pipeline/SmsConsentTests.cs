using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Recipients;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Notifications.Tests.Pipeline;

/// <summary>
/// A patient who chose the SMS channel but gave no consent, or withdrew it, gets no SMS. The channel stays on
/// in these profiles, so only the consent checks stand between the patient and a text message: at fan-out,
/// and again when the channel handler reads the profile, which may have changed since.
/// </summary>
public sealed class SmsConsentTests
{
    private static readonly Recipient Unconsented = DeliveryHarness.Patient with { SmsConsent = false };

    [Fact]
    public async Task FanOut_smsChannelOnWithoutConsent_smsSuppressedAsNoConsentAndEmailQueued()
    {
        var deliveries = new InMemoryDeliveryStore();
        var queue = new RecordingQueue();
        var queues = new NotificationQueues(new NotificationOptions().QueuePrefix);
        var fanOut = new NotificationFanOut(new FixedRecipients(Unconsented), deliveries, queue, queues,
            TimeProvider.System, NullLogger<NotificationFanOut>.Instance);
        var booked = DeliveryHarness.Booked;

        await fanOut.HandleAsync(booked, CancellationToken.None);

        var queued = Assert.Single(queue.Sent);
        Assert.Equal(queues.Email, queued.Queue);
        var sms = (await deliveries.FindAsync(Key(NotificationChannel.Sms), CancellationToken.None))!.Record;
        Assert.Equal(DeliveryState.Suppressed, sms.State);
        Assert.Equal("no-consent", sms.Reason);
    }

    [Fact]
    public async Task ChannelDelivery_consentWithdrawnAfterTheFanOut_noSmsAndSuppressedAsNoConsent()
    {
        var provider = new ScriptedProvider(new SendOutcome.Sent("p-1"));
        var harness = new DeliveryHarness(provider, patient: Unconsented);
        var work = harness.FirstWork(NotificationChannel.Sms);

        var queued = await harness.DrainAsync(work);

        Assert.Empty(harness.Provider.TextMessages);
        Assert.Empty(queued);
        var record = (await harness.Deliveries.FindAsync(work.Key, CancellationToken.None))!.Record;
        Assert.Equal(DeliveryState.Suppressed, record.State);
        Assert.Equal("no-consent", record.Reason);
    }

    private static DeliveryKey Key(NotificationChannel channel) => new(DeliveryHarness.Booked.AppointmentId,
        DeliveryHarness.Booked.Kind, DeliveryHarness.Booked.Version, channel);
}
