using Clinic.IntegrationTests.Infrastructure;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Transport;
using Microsoft.Extensions.DependencyInjection;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// Two local hosts over the same tables and queues (shared prefixes), as two instances of the Functions app
/// would run: both poll the channel queues, and one provider, which holds each send at a gate, serves both.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwoInstanceDeliveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ChannelMessage_copiesHandledWhileTheFirstIsSending_sentOnceAndNothingDeadLettered()
    {
        var provider = new GatedSender();
        var shared = new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
            ["Notifications:QueuePrefix"] = "q" + Guid.NewGuid().ToString("N")[..10],

            // Long enough for the gate to open well within it; the copies come back once it has run out.
            ["Notifications:SendLease"] = "00:00:08",
        };
        await using var first = await NotificationHost.StartAsync(
            azurite.Azurite, services => services.AddSingleton<IEmailSender>(provider), shared);
        await using var second = await NotificationHost.StartAsync(
            azurite.Azurite, services => services.AddSingleton<IEmailSender>(provider), shared);
        await first.SaveProfileAsync("notify-race", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        var appointmentId = await first.BookAsync("notify-race", slotIndex: 14);
        await provider.Entered.WaitAsync(Poll.Bound);
        var copy = await first.ConfirmationWorkAsync(appointmentId, "notify-race", NotificationChannel.Email);
        var queue = second.Host.Services.GetRequiredService<INotificationQueue>();

        await Task.WhenAll(
            queue.SendAsync(second.Queues.Email, copy, null, CancellationToken.None),
            queue.SendAsync(second.Queues.Email, copy, null, CancellationToken.None));
        var copiesFoundItBusy = await Poll.UntilAsync(
            () => Logged("NotificationBusy") >= 2, TimeSpan.FromSeconds(5));
        provider.Open();
        var copiesDropped = await Poll.UntilAsync(() => Logged("NotificationDuplicateDropped") >= 2);
        var letters = await (await first.Client.SendAsync(
            Get("/api/admin/notifications/dead-letters").As("demo-admin"))).JsonAsync();

        Assert.Equal(1, provider.Calls);
        Assert.Equal("sent", await first.DeliveryStateAsync(appointmentId, "email"));
        Assert.Empty(letters.GetProperty("deadLetters").EnumerateArray());
        Assert.True(copiesFoundItBusy, "The copies did not find the delivery held by the first send.");
        Assert.True(copiesDropped, "The copies did not come back after the lease to be dropped.");

        int Logged(string name) => first.Logged(name) + second.Logged(name);
    }
}
