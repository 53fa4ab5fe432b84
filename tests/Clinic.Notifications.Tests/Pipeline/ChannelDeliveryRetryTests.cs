using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Tests.Fakes;

namespace Clinic.Notifications.Tests.Pipeline;

/// <summary>
/// Backoff and dead-lettering are the handler's own: a retry is a new queue message with a visibility delay,
/// and the last failed attempt is put on the poison queue by the handler. These tests read the delays the
/// handler asks the queue for, not a clock.
/// </summary>
public sealed class ChannelDeliveryRetryTests
{
    [Fact]
    public async Task HandleAsync_providerAlwaysFailing_doublingDelaysThenPoisonAfterMaxAttempts()
    {
        var harness = new DeliveryHarness(new ScriptedProvider(new SendOutcome.Transient("503")));

        var queued = await harness.DrainAsync(harness.FirstWork(NotificationChannel.Email));

        Assert.Equal(5, harness.Provider.Calls);
        var retries = queued.Where(m => m.Queue == harness.Queues.Email).ToList();
        Assert.Equal(
            new[] { 10, 20, 40, 80 }.Select(s => (TimeSpan?)TimeSpan.FromSeconds(s)),
            retries.Select(m => m.Delay));
        Assert.Equal([1, 2, 3, 4], retries.Select(m => ((ChannelWork)m.Message).Attempt));
        var poisoned = Assert.Single(queued, m => m.Queue == harness.Queues.EmailPoison);
        Assert.Null(poisoned.Delay);
        Assert.Equal(5, ((ChannelWork)poisoned.Message).Attempt);
        Assert.Same(poisoned, queued[^1]);
    }

    [Fact]
    public async Task HandleAsync_moreAttemptsThanTheDelayCanDouble_delayCappedAtMaxRetryDelay()
    {
        var options = new NotificationOptions { MaxAttempts = 10 };
        var provider = new ScriptedProvider(new SendOutcome.Transient("timeout"));
        var harness = new DeliveryHarness(provider, options);

        var queued = await harness.DrainAsync(harness.FirstWork(NotificationChannel.Sms));

        var delays = queued.Where(m => m.Queue == harness.Queues.Sms)
            .Select(m => m.Delay!.Value.TotalSeconds);
        Assert.Equal([10, 20, 40, 80, 160, 320, 600, 600, 600], delays);
        Assert.Equal(10, harness.Provider.Calls);
        Assert.Equal(harness.Queues.SmsPoison, queued[^1].Queue);
    }

    [Fact]
    public async Task HandleAsync_failingTwiceThenAccepted_sentOnTheThirdAttemptAndRecordedSent()
    {
        var harness = new DeliveryHarness(new ScriptedProvider(
            new SendOutcome.Transient("503"), new SendOutcome.Transient("503"), new SendOutcome.Sent("p-1")));
        var work = harness.FirstWork(NotificationChannel.Email);

        var queued = await harness.DrainAsync(work);

        Assert.Equal([10, 20], queued.Select(m => m.Delay!.Value.TotalSeconds));
        var record = (await harness.Deliveries.FindAsync(work.Key, CancellationToken.None))!.Record;
        Assert.Equal(DeliveryState.Sent, record.State);
        Assert.Equal(3, record.Attempts);
        Assert.Equal("p-1", record.ProviderMessageId);
    }

    [Fact]
    public async Task HandleAsync_throttledWithRetryAfter_queuedAgainAfterThatDelayWithoutUsingAnAttempt()
    {
        var harness = new DeliveryHarness(new ScriptedProvider(
            new SendOutcome.Throttled(TimeSpan.FromSeconds(37)), new SendOutcome.Sent("p-2")));
        var work = harness.FirstWork(NotificationChannel.Sms);

        await harness.Delivery.HandleAsync(work, CancellationToken.None);

        var again = Assert.Single(harness.Queue.Sent);
        Assert.Equal(harness.Queues.Sms, again.Queue);
        Assert.Equal(TimeSpan.FromSeconds(37), again.Delay);
        Assert.Equal(work, again.Message);
        var record = (await harness.Deliveries.FindAsync(work.Key, CancellationToken.None))!.Record;
        Assert.Equal(DeliveryState.Retrying, record.State);
        Assert.Equal("429", record.Reason);
        Assert.Null(record.LeaseUntil);
    }

    [Fact]
    public async Task HandleAsync_refusedForGood_recordedFailedAndNeverQueuedAgain()
    {
        var harness = new DeliveryHarness(new ScriptedProvider(new SendOutcome.Permanent("400")));
        var work = harness.FirstWork(NotificationChannel.Email);

        var queued = await harness.DrainAsync(work);

        Assert.Empty(queued);
        Assert.Equal(1, harness.Provider.Calls);
        var record = (await harness.Deliveries.FindAsync(work.Key, CancellationToken.None))!.Record;
        Assert.Equal(DeliveryState.Failed, record.State);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(6, 320)]
    [InlineData(7, 600)]
    [InlineData(30, 600)]
    public void RetryDelay_attempt_doublesFromTheFirstDelayUpToTheCap(int attempt, int seconds)
    {
        var options = new NotificationOptions();

        var delay = options.RetryDelay(attempt);

        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }
}
