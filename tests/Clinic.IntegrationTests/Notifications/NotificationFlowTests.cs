using System.Globalization;
using System.Net;
using Clinic.Functions;
using Clinic.Functions.Notifications;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Notifications.Content;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Reminders;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Transport;
using Clinic.Scheduling.Changes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// Bookings, changes and reminders reach the patient by email and SMS through the real queues on Azurite and the
/// local host's queue triggers, written by the outbox sender to a folder this test reads.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NotificationFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Book_emailAndSmsInThePatientsLanguage_withCalendarInvitation()
    {
        await using var host = await NotificationHost.StartAsync(azurite.Azurite);
        await host.SaveProfileAsync("notify-es", "es-ES", NotificationHost.ZoneAtHour(12), true, "email", "sms");

        var appointmentId = await host.BookAsync("notify-es", slotIndex: 0);
        await host.WaitForAsync(emails: 1, sms: 1);

        var email = Assert.Single(host.Emails());
        Assert.StartsWith("Confirmación de su cita", email.Subject, StringComparison.Ordinal);
        Assert.Equal("notify-es@example.test", email.To.Mailboxes.Single().Address);
        var invitation = Calendar(email);
        Assert.Contains($"UID:appointment-{appointmentId}@", invitation, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", invitation, StringComparison.Ordinal);
        var sms = Assert.Single(host.TextMessages());
        Assert.Contains("su cita con", sms, StringComparison.Ordinal);
        Assert.Contains("queda confirmada", sms, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmed", sms, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Payment_declinedForGood_patientToldByEmailWithoutInvitation()
    {
        await using var host = await NotificationHost.StartAsync(azurite.Azurite);
        await host.SaveProfileAsync("notify-pay", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        var appointmentId = await host.BookAsync("notify-pay", slotIndex: 13);
        await host.WaitForAsync(emails: 1, sms: 0);
        var invoiceId = (await Invoices.WaitForAsync(host.Client, "notify-pay", appointmentId))
            .GetProperty("id").GetString();

        var paid = await host.Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_decline" }, "pay-notify-1")
            .As("notify-pay"));
        await host.WaitForAsync(emails: 2, sms: 0);

        Assert.Equal(HttpStatusCode.Accepted, paid.StatusCode);
        var told = Assert.Single(host.Emails(), email => (email.Subject ?? "").StartsWith(
            "Payment not completed", StringComparison.Ordinal));
        Assert.Empty(told.Attachments);
    }

    [Fact]
    public async Task RescheduleAndCancel_sameCalendarUidWithGrowingSequence()
    {
        await using var host = await NotificationHost.StartAsync(azurite.Azurite);
        await host.SaveProfileAsync("notify-change", "fr-FR", NotificationHost.ZoneAtHour(12), false, "email");
        var appointmentId = await host.BookAsync("notify-change", slotIndex: 1);
        await host.WaitForAsync(emails: 1, sms: 0);
        var later = (await FutureSlots.FindAsync(host.Client, NotificationHost.Doctor, weeksAhead: 2))[5];

        var moved = await host.Client.SendAsync(Post(
            $"/api/appointments/{appointmentId}/reschedule", new { start = later }).As("notify-change"));
        await host.WaitForAsync(emails: 2, sms: 0);
        var cancelled = await host.Client.SendAsync(
            Post($"/api/appointments/{appointmentId}/cancel", new { }).As("notify-change"));
        await host.WaitForAsync(emails: 3, sms: 0);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var invitations = host.Emails().Select(Calendar).ToList();
        Assert.All(invitations, ics =>
            Assert.Contains($"UID:appointment-{appointmentId}@", ics, StringComparison.Ordinal));
        Assert.Contains(invitations, ics => ics.Contains("SEQUENCE:2", StringComparison.Ordinal));
        Assert.Contains(invitations, ics => ics.Contains("METHOD:CANCEL", StringComparison.Ordinal)
            && ics.Contains("SEQUENCE:3", StringComparison.Ordinal));
        Assert.Empty(host.TextMessages());
    }

    [Fact]
    public async Task QueueReminders_timerFunctionFiringTwiceAtOnce_eachReminderSentOnce()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:ReminderLead"] = "14.00:00:00",
            ["Notifications:ReminderInterval"] = "7.00:00:00",
        };
        await using var host = await NotificationHost.StartAsync(azurite.Azurite, settings: settings);
        await host.SaveProfileAsync("notify-remind", "de-DE", NotificationHost.ZoneAtHour(12), true, "email", "sms");
        var appointmentId = await host.BookAsync("notify-remind", slotIndex: 2);
        await host.WaitForAsync(emails: 1, sms: 1);
        var timers = ActivatorUtilities.CreateInstance<NotificationTimerFunctions>(host.Host.Services);

        await Task.WhenAll(
            timers.QueueReminders(new TimerInfo(), CancellationToken.None),
            timers.QueueReminders(new TimerInfo { IsPastDue = true }, CancellationToken.None));
        await host.WaitForAsync(emails: 2, sms: 2);

        Assert.Equal(2, host.Logged("RemindersQueued"));
        Assert.Equal(2, host.Emails().Count);
        Assert.Equal(2, host.TextMessages().Count);
        Assert.Contains(host.Emails(),
            email => (email.Subject ?? "").StartsWith("Terminerinnerung", StringComparison.Ordinal));
        Assert.Equal("sent", await host.DeliveryStateAsync(appointmentId, "email", "reminder"));
        Assert.Equal("sent", await host.DeliveryStateAsync(appointmentId, "sms", "reminder"));

        // The outbox writes a key once by itself; it was never even asked twice.
        Assert.Equal(0, host.Logged("NotificationOutboxRepeat"));
    }

    [Fact]
    public async Task Sms_withoutConsentOrInQuietHours_notSent()
    {
        await using var host = await NotificationHost.StartAsync(azurite.Azurite);
        await host.SaveProfileAsync("notify-noconsent", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        await host.SaveProfileAsync("notify-night", "en-US", NotificationHost.ZoneAtHour(23), true, "email", "sms");

        var unconsented = await host.BookAsync("notify-noconsent", slotIndex: 3);
        var atNight = await host.BookAsync("notify-night", slotIndex: 4);
        await host.WaitForAsync(emails: 2, sms: 0);

        Assert.Empty(host.TextMessages());
        Assert.Equal("suppressed", await host.DeliveryStateAsync(unconsented, "sms"));
        Assert.Equal("deferred", await host.DeliveryStateAsync(atNight, "sms"));
    }

    [Fact]
    public async Task Sms_bookedJustBeforeQuietHoursEnd_deferredThenSentOnceAtEightLocal()
    {
        var clock = new ShiftedClock();
        await using var host = await NotificationHost.StartAsync(azurite.Azurite, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            NotificationHost.RecordQueuedMessages(services);
        });
        var zone = NotificationHost.ZoneAtHour(7);
        await host.SaveProfileAsync("notify-dawn", "en-US", zone, true, "email", "sms");

        // 20 s before the quiet hours end: the SMS is held, and comes back by itself at 08:00 there.
        clock.ShowLocalTime(zone, new TimeOnly(7, 59, 40));
        var appointmentId = await host.BookAsync("notify-dawn", slotIndex: 19);
        var deferred = await Poll.UntilAsync(() => host.Logged("NotificationDeferred") == 1);
        var stateWhileHeld = await host.DeliveryStateAsync(appointmentId, "sms");
        var arrived = await Poll.UntilAsync(() => host.TextMessages().Count == 1, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.True(deferred, "The SMS was not held for the quiet hours.");
        Assert.Equal("deferred", stateWhileHeld);
        var held = Assert.Single(host.QueuedAgain(appointmentId, host.Queues.Sms));
        Assert.InRange(held.Delay!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.True(arrived, "The held SMS was not sent once the quiet hours ended.");
        var sms = Assert.Single(host.TextMessages());
        Assert.Equal(8, LocalHourOfSending(sms, zone));
        Assert.Equal("sent", await host.DeliveryStateAsync(appointmentId, "sms"));
        Assert.Single(host.Emails());
    }

    [Fact]
    public async Task ChannelMessage_deliveredTwiceAfterItWasSent_bothCopiesDroppedAsDuplicates()
    {
        var provider = new FlakySender(failures: 0);
        await using var host = await NotificationHost.StartAsync(
            azurite.Azurite, services => services.AddSingleton<IEmailSender>(provider));
        await host.SaveProfileAsync("notify-dup", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        var appointmentId = await host.BookAsync("notify-dup", slotIndex: 8);
        await WaitUntilAsync(async () => await host.DeliveryStateAsync(appointmentId, "email") == "sent");
        var work = await host.ConfirmationWorkAsync(appointmentId, "notify-dup", NotificationChannel.Email);
        var queue = host.Host.Services.GetRequiredService<INotificationQueue>();

        await Task.WhenAll(
            queue.SendAsync(host.Queues.Email, work, null, CancellationToken.None),
            queue.SendAsync(host.Queues.Email, work, null, CancellationToken.None));
        await WaitUntilAsync(() => host.Logged("NotificationDuplicateDropped") == 2);

        Assert.Equal(1, provider.Calls);
        Assert.Equal("sent", await host.DeliveryStateAsync(appointmentId, "email"));
    }

    [Fact]
    public async Task Reminder_ofACancelledAppointment_droppedAsStale()
    {
        await using var host = await NotificationHost.StartAsync(azurite.Azurite);
        await host.SaveProfileAsync("notify-gone", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        var appointmentId = await host.BookAsync("notify-gone", slotIndex: 20);
        await host.WaitForAsync(emails: 1, sms: 0);
        var cancelled = await host.Client.SendAsync(
            Post($"/api/appointments/{appointmentId}/cancel", new { }).As("notify-gone"));
        await host.WaitForAsync(emails: 2, sms: 0);
        var appointment = await (await host.Client.SendAsync(
            Get($"/api/appointments/{appointmentId}").As("notify-gone"))).JsonAsync();
        var version = appointment.GetProperty("version").GetInt32();

        // The cancelled appointment's own version: only its cancellation can make this reminder stale.
        var reminder = new NotificationEvent($"{appointmentId}-v{version}-reminder", NotificationKind.Reminder,
            appointmentId, NotificationHost.Doctor, "notify-gone", version,
            appointment.GetProperty("startUtc").GetDateTimeOffset(),
            appointment.GetProperty("endUtc").GetDateTimeOffset(), null);
        await host.Host.Services.GetRequiredService<INotificationQueue>().SendAsync(
            host.Queues.Events, reminder, null, CancellationToken.None);
        await WaitUntilAsync(async () =>
            await host.DeliveryStateAsync(appointmentId, "email", "reminder") == "suppressed");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", appointment.GetProperty("status").GetString());
        Assert.Equal("stale", await host.DeliveryReasonAsync(appointmentId, "email", "reminder"));
        Assert.Equal(2, host.Emails().Count);
    }

    [Fact]
    public async Task Provider_failingThreeTimesThenSucceeding_sentOnceAfterDoublingVisibilityDelays()
    {
        var flaky = new FlakySender(failures: 3);
        await using var host = await NotificationHost.StartAsync(azurite.Azurite, services =>
        {
            services.AddSingleton<IEmailSender>(flaky);
            NotificationHost.RecordQueuedMessages(services);
        });
        await host.SaveProfileAsync("notify-flaky", "en-US", NotificationHost.ZoneAtHour(12), false, "email");

        var appointmentId = await host.BookAsync("notify-flaky", slotIndex: 5);
        await WaitUntilAsync(() => flaky.Delivered == 1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(4, flaky.Calls);
        Assert.Equal(1, flaky.Delivered);
        Assert.Equal("sent", await host.DeliveryStateAsync(appointmentId, "email"));
        var retries = host.QueuedAgain(appointmentId, host.Queues.Email);
        Assert.Equal(
            new[] { 100, 200, 300 }.Select(ms => (TimeSpan?)TimeSpan.FromMilliseconds(ms)),
            retries.Select(message => message.Delay));
        Assert.Equal([1, 2, 3], retries.Select(message => ((ChannelWork)message.Message).Attempt));
    }

    [Fact]
    public async Task Provider_throttlingOnceThenRefusingAnother_retriesAfterItsDelayAndNeverRetriesARefusal()
    {
        var scripted = new ScriptedSender(new SendOutcome.Throttled(TimeSpan.FromMilliseconds(700)));
        await using var host = await NotificationHost.StartAsync(azurite.Azurite, services =>
        {
            services.AddSingleton<IEmailSender>(scripted);
            NotificationHost.RecordQueuedMessages(services);
        });
        await host.SaveProfileAsync("notify-429", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        var throttled = await host.BookAsync("notify-429", slotIndex: 9);
        await WaitUntilAsync(async () => await host.DeliveryStateAsync(throttled, "email") == "sent");

        scripted.Next = new SendOutcome.Permanent("400");
        var callsBefore = scripted.Calls;
        var refused = await host.BookAsync("notify-429", slotIndex: 10);
        await WaitUntilAsync(async () => await host.DeliveryStateAsync(refused, "email") == "failed");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var again = Assert.Single(host.QueuedAgain(throttled, host.Queues.Email));
        Assert.Equal(TimeSpan.FromMilliseconds(700), again.Delay);
        Assert.Equal(0, ((ChannelWork)again.Message).Attempt);
        Assert.Empty(host.QueuedAgain(refused, host.Queues.Email));
        Assert.Equal(1, scripted.Calls - callsBefore);
    }

    [Fact]
    public async Task Reminder_ofAMovedAppointment_droppedAsStale()
    {
        await using var host = await NotificationHost.StartAsync(azurite.Azurite);
        await host.SaveProfileAsync("notify-stale", "en-US", NotificationHost.ZoneAtHour(12), false, "email");
        var appointmentId = await host.BookAsync("notify-stale", slotIndex: 11);
        await host.WaitForAsync(emails: 1, sms: 0);
        var later = (await FutureSlots.FindAsync(host.Client, NotificationHost.Doctor, weeksAhead: 2))[12];
        await host.Client.SendAsync(Post(
            $"/api/appointments/{appointmentId}/reschedule", new { start = later }).As("notify-stale"));
        await host.WaitForAsync(emails: 2, sms: 0);
        var queue = host.Host.Services.GetRequiredService<INotificationQueue>();
        var oldReminder = new NotificationEvent($"{appointmentId}-v1-reminder", NotificationKind.Reminder,
            appointmentId, NotificationHost.Doctor, "notify-stale", 1, DateTimeOffset.UtcNow.AddDays(1),
            DateTimeOffset.UtcNow.AddDays(1).AddMinutes(30), null);

        await queue.SendAsync(host.Queues.Events, oldReminder, null, CancellationToken.None);
        await WaitUntilAsync(async () =>
            await host.DeliveryStateAsync(appointmentId, "email", "reminder") == "suppressed");

        Assert.Equal(2, host.Emails().Count);
    }

    [Fact]
    public async Task Outbox_publishFailsAfterCommit_bookingStandsAndSweepDeliversOnce()
    {
        var failing = new FailingPublisher();
        await using var host = await NotificationHost.StartAsync(azurite.Azurite, services =>
            services.AddSingleton<IAppointmentChangePublisher>(provider =>
            {
                failing.Inner = new AppointmentChangePublisher(
                    provider.GetRequiredService<INotificationQueue>(),
                    provider.GetRequiredService<NotificationQueues>());
                return failing;
            }));
        await host.SaveProfileAsync("notify-outbox", "en-US", NotificationHost.ZoneAtHour(12), false, "email");

        await host.BookAsync("notify-outbox", slotIndex: 7);
        await WaitUntilAsync(() => failing.Failures == 1);
        Assert.Empty(host.Emails());
        failing.Heal();
        var swept = await host.Host.Services.GetRequiredService<ChangeDispatcher>().SweepAsync(CancellationToken.None);
        var again = await host.Host.Services.GetRequiredService<ChangeDispatcher>().SweepAsync(CancellationToken.None);
        await host.WaitForAsync(emails: 1, sms: 0);

        Assert.Equal(1, swept);
        Assert.Equal(0, again);
        Assert.Single(host.Emails());
    }

    private static string Calendar(MimeMessage email)
    {
        var part = email.Attachments.OfType<MimePart>()
            .Single(attachment => attachment.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The hour in <paramref name="zone"/> when the outbox wrote the SMS (its Date line).</summary>
    private static int LocalHourOfSending(string sms, string zone)
    {
        var date = sms.Split('\n').Single(line => line.StartsWith("Date: ", StringComparison.Ordinal))[6..];
        var sent = DateTimeOffset.Parse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return TimeZoneInfo.ConvertTime(sent, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour;
    }

    private static Task WaitUntilAsync(Func<bool> condition) =>
        WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
