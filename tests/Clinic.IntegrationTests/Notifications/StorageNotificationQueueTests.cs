using System.Diagnostics;
using Azure.Storage.Queues;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Notifications.Transport;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// The delay the notification flow asks for is the queue message's visibility on Azure Storage (Azurite
/// here): a retry or a deferred SMS waits in the queue, invisible, and no function waits with it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageNotificationQueueTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly QueueServiceClient _service = new(azurite.Azurite.ConnectionString);
    private readonly string _queueName = "notify-test-" + Guid.NewGuid().ToString("N")[..12];

    private QueueClient Client => _service.GetQueueClient(_queueName);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Client.DeleteIfExistsAsync();

    [Fact]
    public async Task SendAsync_withADelay_messageInvisibleUntilTheDelayHasPassed()
    {
        var queue = new StorageNotificationQueue(_service);

        await queue.SendAsync(_queueName, new { appointmentId = "appt-1" }, TimeSpan.FromSeconds(6),
            CancellationToken.None);
        var peekedAtOnce = (await Client.PeekMessagesAsync(maxMessages: 32)).Value;
        var stored = (await Client.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        var visibleLater = await Poll.UntilAsync(
            async () => (await Client.PeekMessagesAsync()).Value.Length == 1, TimeSpan.FromSeconds(20));

        Assert.Empty(peekedAtOnce);
        Assert.Equal(1, stored);
        Assert.True(visibleLater, "The delayed message never became visible.");
        var message = Assert.Single((await Client.PeekMessagesAsync()).Value);
        Assert.Equal("""{"appointmentId":"appt-1"}""", message.Body.ToString());
    }

    [Fact]
    public async Task SendAsync_delayWithAFractionOfASecond_neverVisibleBeforeItHasPassed()
    {
        var queue = new StorageNotificationQueue(_service);
        var delay = TimeSpan.FromSeconds(1.6);
        var watch = Stopwatch.StartNew();

        await queue.SendAsync(_queueName, new { appointmentId = "appt-4" }, delay, CancellationToken.None);
        while ((await Client.PeekMessagesAsync()).Value.Length == 0 && watch.Elapsed < Poll.Bound)
            await Task.Delay(TimeSpan.FromMilliseconds(50));

        // Storage counts visibility in whole seconds: a delay cut down to them would show the message early.
        Assert.InRange(watch.Elapsed, delay, Poll.Bound);
    }

    [Fact]
    public async Task SendAsync_withoutADelay_visibleAtOnce()
    {
        var queue = new StorageNotificationQueue(_service);

        await queue.SendAsync(_queueName, new { appointmentId = "appt-2" }, null, CancellationToken.None);

        Assert.Single((await Client.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task SendAsync_delayBeyondStoragesSevenDays_cappedAndStillAccepted()
    {
        var queue = new StorageNotificationQueue(_service);

        await queue.SendAsync(_queueName, new { appointmentId = "appt-3" }, TimeSpan.FromDays(30),
            CancellationToken.None);

        Assert.Empty((await Client.PeekMessagesAsync()).Value);
        Assert.Equal(1, (await Client.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
