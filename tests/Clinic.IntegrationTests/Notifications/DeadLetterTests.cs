using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Transport;
using Clinic.Platform.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// Messages whose sends are exhausted, or that the queue gave up on: kept, alerted on, and replayed by
/// admins without ever sending a delivery twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeadLetterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Provider_failingEveryAttempt_deadLetteredWithACriticalAlertAndEvent()
    {
        var broken = new FlakySender(failures: int.MaxValue);
        await using var host = await NotificationHost.StartAsync(
            azurite.Azurite, services => services.AddSingleton<IEmailSender>(broken));
        await host.SaveProfileAsync("notify-broken", "en-US", NotificationHost.ZoneAtHour(12), false, "email");

        var appointmentId = await host.BookAsync("notify-broken", slotIndex: 6);
        var deadLettered = await Poll.UntilAsync(
            async () => await host.DeliveryStateAsync(appointmentId, "email") == "deadLettered");
        var alert = await host.AlertAsync("NotificationDeadLettered");

        Assert.True(deadLettered, "The delivery was not dead-lettered.");
        Assert.Equal(5, broken.Calls);
        Assert.Single(await host.DeadLetterIdsAsync());
        Assert.NotNull(alert);
        Assert.Equal("critical", alert.Value.GetProperty("severity").GetString());
        var logged = Assert.Single(
            host.Host.Logs.GetSnapshot(), record => record.Id.Name == "NotificationDeadLettered");
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.True(host.Host.Services.GetRequiredService<CriticalEvents>()
            .IsCritical(logged.Category, logged.Level, logged.Id));
    }

    [Fact]
    public async Task Replay_providerBackSinceTheDeadLetter_sentOnceAndAReplayAgainIsNotFound()
    {
        var recovering = new FlakySender(failures: 5);
        await using var host = await NotificationHost.StartAsync(
            azurite.Azurite, services => services.AddSingleton<IEmailSender>(recovering));
        await host.SaveProfileAsync("notify-replay", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        var appointmentId = await host.BookAsync("notify-replay", slotIndex: 15);
        await Poll.UntilAsync(async () => (await host.DeadLetterIdsAsync()).Count == 1);
        var letterId = Assert.Single(await host.DeadLetterIdsAsync());

        var replayed = await host.ReplayAsync(letterId);
        var sent = await Poll.UntilAsync(
            async () => await host.DeliveryStateAsync(appointmentId, "email") == "sent");
        var again = await host.ReplayAsync(letterId);

        Assert.Equal(HttpStatusCode.Accepted, replayed.StatusCode);
        Assert.True(sent, "The replayed message was not sent.");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(1, host.Logged("DeadLetterReplayed"));
        Assert.Equal(6, recovering.Calls);
        Assert.Equal(1, recovering.Delivered);
        Assert.Empty(await host.DeadLetterIdsAsync());
    }

    [Fact]
    public async Task Replay_sameLetterByTwoAdminsAtOnce_sentOnce()
    {
        var recovering = new FlakySender(failures: 5);
        await using var host = await NotificationHost.StartAsync(
            azurite.Azurite, services => services.AddSingleton<IEmailSender>(recovering));
        await host.SaveProfileAsync(
            "notify-replay3", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        var appointmentId = await host.BookAsync("notify-replay3", slotIndex: 18);
        await Poll.UntilAsync(async () => (await host.DeadLetterIdsAsync()).Count == 1);
        var letterId = Assert.Single(await host.DeadLetterIdsAsync());

        var answers = await Task.WhenAll(host.ReplayAsync(letterId), host.ReplayAsync(letterId));
        var replays = answers.Count(answer => answer.StatusCode == HttpStatusCode.Accepted);
        var sent = await Poll.UntilAsync(
            async () => await host.DeliveryStateAsync(appointmentId, "email") == "sent");
        var copiesSettled = await Poll.UntilAsync(() =>
            host.Logged("NotificationDuplicateDropped") + host.Logged("NotificationBusy") >= replays - 1);

        Assert.All(answers, answer => Assert.Contains(
            answer.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.NotFound }));
        Assert.InRange(replays, 1, 2);
        Assert.True(sent, "The replayed message was not sent.");
        Assert.True(copiesSettled, "A second replayed copy was neither dropped nor held back.");
        Assert.Equal(1, recovering.Delivered);
    }

    [Fact]
    public async Task Replay_twoDeadLettersOfOneDeliveryWhileTheFirstReplaySends_sentOnce()
    {
        var provider = new GatedSender(failuresFirst: 5);
        await using var host = await NotificationHost.StartAsync(
            azurite.Azurite, services => services.AddSingleton<IEmailSender>(provider));
        await host.SaveProfileAsync(
            "notify-replay2", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        var appointmentId = await host.BookAsync("notify-replay2", slotIndex: 16);
        await Poll.UntilAsync(async () => (await host.DeadLetterIdsAsync()).Count == 1);
        await PoisonACopyAsync(host, appointmentId, "notify-replay2");
        await Poll.UntilAsync(async () => (await host.DeadLetterIdsAsync()).Count == 2);
        var letters = await host.DeadLetterIdsAsync();

        var first = await host.ReplayAsync(letters[0]);
        await provider.Entered.WaitAsync(Poll.Bound);
        var second = await host.ReplayAsync(letters[1]);
        provider.Open();
        var secondCopyHandled = await Poll.UntilAsync(
            () => host.Logged("NotificationDuplicateDropped") >= 1 || provider.Calls > 6);
        var state = await host.DeliveryStateAsync(appointmentId, "email");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.True(secondCopyHandled, "The second replayed copy was not handled.");
        Assert.Equal(6, provider.Calls);
        Assert.Equal("sent", state);
    }

    [Fact]
    public async Task DeadLetter_ofACopyWhileAnotherInstanceSends_deliveryStaysWithTheSender()
    {
        var provider = new GatedSender();
        await using var host = await NotificationHost.StartAsync(
            azurite.Azurite, services => services.AddSingleton<IEmailSender>(provider));
        await host.SaveProfileAsync(
            "notify-poisoned", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        var appointmentId = await host.BookAsync("notify-poisoned", slotIndex: 17);
        await provider.Entered.WaitAsync(Poll.Bound);

        await PoisonACopyAsync(host, appointmentId, "notify-poisoned");
        var copyDeadLettered = await Poll.UntilAsync(() => host.Logged("NotificationDeadLettered") == 1);
        provider.Open();
        var sent = await Poll.UntilAsync(
            async () => await host.DeliveryStateAsync(appointmentId, "email") == "sent");

        Assert.True(copyDeadLettered, "The poisoned copy was not dead-lettered.");
        Assert.True(sent, "The delivery that was being sent is not recorded sent.");
        Assert.Equal(1, provider.Calls);
    }

    /// <summary>
    /// A copy of the booking's email message on the poison queue, as the Functions host leaves one whose
    /// handler kept throwing (storage unreachable, say); its body differs from the first, so it is another
    /// dead letter of the same delivery.
    /// </summary>
    private static async Task PoisonACopyAsync(NotificationHost host, string appointmentId, string patient)
    {
        var copy = await host.ConfirmationWorkAsync(appointmentId, patient, NotificationChannel.Email);
        await host.Host.Services.GetRequiredService<INotificationQueue>().SendAsync(
            host.Queues.EmailPoison, copy, null, CancellationToken.None);
    }
}
