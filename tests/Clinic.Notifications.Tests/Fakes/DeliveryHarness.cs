using Clinic.Notifications.Calendar;
using Clinic.Notifications.Content;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Recipients;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Templates;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>
/// The channel handler as the app builds it, on an in-memory delivery store, a queue that records what it is
/// given, a scripted provider and a fake clock. The patient (<see cref="Patient"/> unless another is given)
/// lives in Paris, where the clock reads 15:00.
/// </summary>
internal sealed class DeliveryHarness
{
    public static readonly NotificationEvent Booked = new("appt-4411-v1", NotificationKind.Confirmation,
        "appt-4411", "dr-claire-dubois", "patient-4411", 1,
        new DateTimeOffset(2027, 3, 30, 13, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2027, 3, 30, 13, 30, 0, TimeSpan.Zero), null);

    public DeliveryHarness(
        ScriptedProvider provider, NotificationOptions? options = null, Recipient? patient = null)
    {
        Provider = provider;
        Options = options ?? new NotificationOptions();
        Queues = new NotificationQueues(Options.QueuePrefix);
        var renderer = new NotificationRenderer();
        Delivery = new ChannelDelivery(Deliveries, new FixedRecipients(patient ?? Patient),
            new FixedAppointments(Appointment), Queue, Queues, renderer,
            new AppointmentInvitation(renderer, Options.CalendarDomain, "appointments@clinic.example.test"),
            provider, provider, Microsoft.Extensions.Options.Options.Create(Options), Time, Logger);
    }

    public static Recipient Patient { get; } = new("Ana Martín", "ana.martin@example.test", "+12025550147",
        "en-US", "Europe/Paris", WantsEmail: true, WantsSms: true, SmsConsent: true);

    public static AppointmentSnapshot Appointment { get; } = new(1, IsCancelled: false,
        Booked.StartUtc, Booked.EndUtc, "Dr. Claire Dubois", "Europe/Paris");

    /// <summary>Monday 15 March 2027, 14:00 UTC: 15:00 in Paris, far from its quiet hours.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 3, 15, 14, 0, 0, TimeSpan.Zero));

    public NotificationOptions Options { get; }

    public InMemoryDeliveryStore Deliveries { get; } = new();

    public RecordingQueue Queue { get; } = new();

    public NotificationQueues Queues { get; }

    public ScriptedProvider Provider { get; }

    public FakeLogger<ChannelDelivery> Logger { get; } = new();

    public ChannelDelivery Delivery { get; }

    /// <summary>The first message of <paramref name="channel"/>, as the fan-out queues it.</summary>
    public ChannelWork FirstWork(NotificationChannel channel) => new(Booked, channel, 0, Time.GetUtcNow());

    /// <summary>
    /// Handles <paramref name="work"/>, then every message it puts back on its own channel's queue once
    /// that message's delay has passed on the clock, as the queue would show it; returns what was queued.
    /// </summary>
    public async Task<IReadOnlyList<QueuedMessage>> DrainAsync(ChannelWork work)
    {
        var channelQueue = Queues.For(work.Channel);
        var handled = 0;
        await Delivery.HandleAsync(work, CancellationToken.None);
        while (Queue.Sent.Count > handled && Queue.Sent[^1].Queue == channelQueue)
        {
            handled = Queue.Sent.Count;
            var next = Queue.Sent[^1];
            Time.Advance(next.Delay ?? TimeSpan.Zero);
            await Delivery.HandleAsync((ChannelWork)next.Message, CancellationToken.None);
        }

        return Queue.Sent;
    }
}
