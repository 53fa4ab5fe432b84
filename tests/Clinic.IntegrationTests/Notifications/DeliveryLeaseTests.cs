using Clinic.IntegrationTests.Infrastructure;
using Clinic.Notifications.Calendar;
using Clinic.Notifications.Content;
using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Recipients;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// The lease that a channel handler takes on its delivery record, on the real table in Azurite: handlers are
/// driven directly, each as another instance would run it, over one store and one fake clock. The host only
/// provides the storage wiring; its queue triggers are off.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeliveryLeaseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset AppointmentStart = new(2027, 3, 30, 13, 0, 0, TimeSpan.Zero);

    private readonly AzuriteFixture _azurite;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 15, 14, 0, 0, TimeSpan.Zero));
    private readonly RecordingQueue _queue = new();
    private readonly FakeLogCollector _logs = new();
    private readonly OneAppointment _appointment = new(
        new AppointmentSnapshot(1, false, AppointmentStart, AppointmentStart.AddMinutes(30),
            "Dr. Claire Dubois", "Europe/Paris"),
        new Recipient("Ana Martín", "lease-patient@example.test", "+1 202-555-0147", "en-US", "Europe/Paris",
            WantsEmail: true, WantsSms: false, SmsConsent: false));

    private readonly ChannelWork _work;
    private RunningLocalHost? _host;

    public DeliveryLeaseTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        var appointmentId = Guid.NewGuid().ToString("N");
        var booked = new NotificationEvent($"{appointmentId}-v1", NotificationKind.Confirmation,
            appointmentId, "dr-claire-dubois", "lease-patient", 1, AppointmentStart,
            AppointmentStart.AddMinutes(30), null);
        _work = new ChannelWork(booked, NotificationChannel.Email, 0, _time.GetUtcNow());
    }

    private IServiceProvider Services => _host!.Services;

    private IDeliveryStore Store => Services.GetRequiredService<IDeliveryStore>();

    private TimeSpan SendLease =>
        Services.GetRequiredService<IOptions<NotificationOptions>>().Value.SendLease;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(
        _azurite.Azurite, new Dictionary<string, string?> { ["LocalHost:Triggers:Enabled"] = "false" });

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
    }

    [Fact]
    public async Task HandleAsync_twoInstancesReadTheSameVersionAtOnce_oneSendsTheOtherComesBackLater()
    {
        await QueueDeliveryAsync();
        var provider = new FlakySender(failures: 0);
        var bothReadFirst = new RendezvousDeliveryStore(Store, readers: 2);
        var first = Instance(provider, bothReadFirst);
        var second = Instance(provider, bothReadFirst);

        await Task.WhenAll(
            first.HandleAsync(_work, CancellationToken.None),
            second.HandleAsync(_work, CancellationToken.None));

        Assert.Equal(1, provider.Calls);
        var record = await RecordAsync();
        Assert.Equal(DeliveryState.Sent, record.State);
        Assert.Equal(1, record.Attempts);
        var comesBack = Assert.Single(_queue.Sent);
        Assert.Equal(Services.GetRequiredService<NotificationQueues>().Email, comesBack.Queue);
        Assert.Equal(_work, comesBack.Message);
        Assert.Equal(SendLease + ChannelDelivery.LeaseMargin, comesBack.Delay);
    }

    [Fact]
    public async Task HandleAsync_copyWhileAnotherInstanceSends_queuedUntilTheLeaseEndsThenDropped()
    {
        await QueueDeliveryAsync();
        var provider = new GatedSender();
        var holder = Instance(provider).HandleAsync(_work, CancellationToken.None);
        await provider.Entered.WaitAsync(Poll.Bound);
        _time.Advance(TimeSpan.FromSeconds(30));

        await Instance(provider).HandleAsync(_work, CancellationToken.None);
        provider.Open();
        await holder;
        var copy = Assert.Single(_queue.Sent);
        _time.Advance(copy.Delay!.Value);
        await Instance(provider).HandleAsync((ChannelWork)copy.Message, CancellationToken.None);

        Assert.Equal(1, provider.Calls);
        Assert.Equal(SendLease - TimeSpan.FromSeconds(30) + ChannelDelivery.LeaseMargin, copy.Delay);
        Assert.Equal(DeliveryState.Sent, (await RecordAsync()).State);
        Assert.Single(_queue.Sent);
        Assert.Contains(_logs.GetSnapshot(), r => r.Id.Name == "NotificationBusy");
        Assert.Contains(_logs.GetSnapshot(), r => r.Id.Name == "NotificationDuplicateDropped");
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(1, false)]
    public async Task HandleAsync_leaseOfAnInstanceThatDied_takenOverOnlyOnceItHasRunOut(
        int secondsLeft, bool takenOver)
    {
        await QueueDeliveryAsync();
        var stored = (await Store.FindAsync(_work.Key, CancellationToken.None))!;
        var leaseUntil = _time.GetUtcNow().AddSeconds(secondsLeft);
        await Store.ReplaceAsync(stored, stored.Record with
        {
            State = DeliveryState.Sending,
            Attempts = 1,
            LeaseUntil = leaseUntil,
        }, CancellationToken.None);
        var provider = new FlakySender(failures: 0);

        await Instance(provider).HandleAsync(_work, CancellationToken.None);

        var record = await RecordAsync();
        Assert.Equal(takenOver ? 1 : 0, provider.Calls);
        Assert.Equal(takenOver ? DeliveryState.Sent : DeliveryState.Sending, record.State);
        Assert.Equal(takenOver ? 2 : 1, record.Attempts);
        var comesBack = TimeSpan.FromSeconds(secondsLeft) + ChannelDelivery.LeaseMargin;
        Assert.Equal(takenOver ? [] : [comesBack], _queue.Sent.Select(m => m.Delay));
    }

    [Fact]
    public async Task HandleAsync_deliveryAlreadySent_neverClaimedAgainEvenLongAfter()
    {
        await QueueDeliveryAsync();
        await Instance(new FlakySender(failures: 0)).HandleAsync(_work, CancellationToken.None);
        var sent = (await Store.FindAsync(_work.Key, CancellationToken.None))!;
        _time.Advance(TimeSpan.FromDays(1));
        var provider = new FlakySender(failures: 0);

        await Task.WhenAll(
            Instance(provider).HandleAsync(_work, CancellationToken.None),
            Instance(provider).HandleAsync(_work with { Attempt = 3 }, CancellationToken.None));

        Assert.Equal(0, provider.Calls);
        var after = (await Store.FindAsync(_work.Key, CancellationToken.None))!;
        Assert.Equal(sent.ConcurrencyToken, after.ConcurrencyToken);
        Assert.Equal(DeliveryState.Sent, after.Record.State);
        Assert.Empty(_queue.Sent);
        Assert.Equal(2, _logs.GetSnapshot().Count(r => r.Id.Name == "NotificationDuplicateDropped"));
    }

    /// <summary>The record the fan-out inserts before it queues the channel message.</summary>
    private Task QueueDeliveryAsync() => Store.TryAddAsync(
        new DeliveryRecord(_work.Key, DeliveryState.Queued, 0, null, null, null, _time.GetUtcNow()),
        CancellationToken.None);

    private async Task<DeliveryRecord> RecordAsync() =>
        (await Store.FindAsync(_work.Key, CancellationToken.None))!.Record;

    /// <summary>A channel handler as one more instance of the app would run it.</summary>
    private ChannelDelivery Instance(IEmailSender email, IDeliveryStore? store = null) => new(
        store ?? Store,
        _appointment,
        _appointment,
        _queue,
        Services.GetRequiredService<NotificationQueues>(),
        Services.GetRequiredService<NotificationRenderer>(),
        Services.GetRequiredService<AppointmentInvitation>(),
        email,
        Services.GetRequiredService<ISmsSender>(),
        Services.GetRequiredService<IOptions<NotificationOptions>>(),
        _time,
        new FakeLogger<ChannelDelivery>(_logs));
}
