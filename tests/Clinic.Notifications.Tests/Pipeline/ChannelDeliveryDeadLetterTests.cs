using System.Text.Json;
using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Tests.Fakes;
using Clinic.Platform.Json;
using Clinic.Platform.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Notifications.Tests.Pipeline;

/// <summary>
/// The last failed attempt meets the dead-letter handler. In Azure the poison queue's trigger may take the
/// message on another instance before the send that put it there has even returned; here the handler runs
/// inside that send, the earliest it ever could.
/// </summary>
public sealed class ChannelDeliveryDeadLetterTests
{
    private readonly DeliveryHarness _harness = new(new ScriptedProvider(new SendOutcome.Transient("503")));
    private readonly InMemoryDeadLetterStore _letters = new();
    private readonly RecordingAlerts _alerts = new();

    public ChannelDeliveryDeadLetterTests()
    {
        var deadLetters = new DeadLetterHandler(_letters, _harness.Deliveries, _harness.Queue, _alerts,
            _harness.Time, NullLogger<DeadLetterHandler>.Instance);
        _harness.Queue.WhileSending = message => message.Queue.EndsWith(
            NotificationQueues.PoisonSuffix, StringComparison.Ordinal)
            ? deadLetters.HandleAsync(message.Queue, Body(message), CancellationToken.None)
            : Task.CompletedTask;
    }

    [Fact]
    public async Task HandleAsync_deadLetterHandlerRunsAsSoonAsTheMessageIsPoisoned_deliveryDeadLettered()
    {
        var work = _harness.FirstWork(NotificationChannel.Email);

        await _harness.DrainAsync(work);

        Assert.Equal(5, _harness.Provider.Calls);
        var letter = Assert.Single(await _letters.ListAsync(10, CancellationToken.None));
        Assert.Equal(_harness.Queues.EmailPoison, letter.SourceQueue);
        Assert.Equal(["NotificationDeadLettered"], _alerts.Raised);
        var record = (await _harness.Deliveries.FindAsync(work.Key, CancellationToken.None))!.Record;
        Assert.Equal(DeliveryState.DeadLettered, record.State);
        Assert.Null(record.LeaseUntil);
    }

    [Fact]
    public async Task HandleAsync_poisonQueueUnreachable_throwsWithTheDeliveryFreeForTheNextShowing()
    {
        var lastAttempt = _harness.Options.MaxAttempts - 1;
        var work = _harness.FirstWork(NotificationChannel.Sms) with { Attempt = lastAttempt };
        _harness.Queue.WhileSending = _ => throw new InvalidOperationException("Storage is unreachable.");

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => _harness.Delivery.HandleAsync(work, CancellationToken.None));
        var afterFailedMove = (await _harness.Deliveries.FindAsync(work.Key, CancellationToken.None))!.Record;
        _harness.Queue.WhileSending = null;
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        await _harness.Delivery.HandleAsync(work, CancellationToken.None);

        Assert.Equal(DeliveryState.Retrying, afterFailedMove.State);
        Assert.Null(afterFailedMove.LeaseUntil);
        Assert.Equal(2, _harness.Provider.Calls);
        var poisoned = Assert.Single(_harness.Queue.Sent);
        Assert.Equal(_harness.Queues.SmsPoison, poisoned.Queue);
    }

    /// <summary>The message as the queue would carry it.</summary>
    private static string Body(QueuedMessage message) =>
        JsonSerializer.Serialize(message.Message, message.Message.GetType(), ClinicJson.Options);
}
