using Clinic.Notifications.Content;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Recipients;
using Clinic.Notifications.Reminders;
using Clinic.Notifications.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Notifications.Tests.Reminders;

/// <summary>
/// Which appointments a reminder run picks: those starting within one interval either side of now plus the
/// lead time, searched as [from, to), so that back-to-back runs overlap and a skipped run leaves no gap.
/// </summary>
public sealed class ReminderSchedulerTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly FixedAppointments _appointments = new();
    private readonly RecordingQueue _queue = new();

    [Fact]
    public async Task QueueDueAsync_defaultLead_windowIsTwentyFourHoursAheadPlusOrMinusOneInterval()
    {
        var scheduler = Scheduler(new NotificationOptions());

        await scheduler.QueueDueAsync(CancellationToken.None);

        var window = Assert.Single(_appointments.Windows);
        Assert.Equal(Now.AddHours(24).AddMinutes(-15), window.From);
        Assert.Equal(Now.AddHours(24).AddMinutes(15), window.To);
    }

    [Fact]
    public async Task QueueDueAsync_appointmentsAtTheWindowsEdges_remindsOnlyThoseInside()
    {
        var target = Now.AddHours(24);
        Book("just-inside-start", target.AddMinutes(-15));
        Book("on-target", target);
        Book("just-inside-end", target.AddMinutes(15).AddSeconds(-1));
        Book("just-outside-end", target.AddMinutes(15));
        Book("just-outside-start", target.AddMinutes(-15).AddSeconds(-1));
        Book("a-day-later", target.AddHours(24));
        var scheduler = Scheduler(new NotificationOptions());

        var count = await scheduler.QueueDueAsync(CancellationToken.None);

        Assert.Equal(3, count);
        Assert.Equal(["just-inside-start", "on-target", "just-inside-end"], RemindedIds());
    }

    [Fact]
    public async Task QueueDueAsync_configuredLeadAndInterval_windowFollowsThem()
    {
        var options = new NotificationOptions
        {
            ReminderLead = TimeSpan.FromHours(2),
            ReminderInterval = TimeSpan.FromMinutes(5),
        };
        Book("in-two-hours", Now.AddHours(2).AddMinutes(4));
        Book("too-late-for-this-run", Now.AddHours(2).AddMinutes(5));
        Book("in-a-day", Now.AddHours(24));
        var scheduler = Scheduler(options);

        await scheduler.QueueDueAsync(CancellationToken.None);

        Assert.Equal(["in-two-hours"], RemindedIds());
        var window = Assert.Single(_appointments.Windows);
        Assert.Equal((Now.AddMinutes(115), Now.AddMinutes(125)), window);
    }

    [Fact]
    public async Task QueueDueAsync_aRunSkipped_theRunsEitherSideCoverEveryStartBetween()
    {
        var first = Now.AddHours(24).AddMinutes(-15);
        for (var minute = 0; minute < 60; minute++)
            Book($"appt-{minute:D2}", first.AddMinutes(minute));
        var scheduler = Scheduler(new NotificationOptions());

        await scheduler.QueueDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(30));
        await scheduler.QueueDueAsync(CancellationToken.None);

        Assert.Equal(60, RemindedIds().Distinct().Count());
    }

    [Fact]
    public async Task QueueDueAsync_dueAppointment_reminderCarriesItsVersionAndTimes()
    {
        var start = Now.AddHours(24);
        _appointments.Upcoming.Add(new UpcomingAppointment(
            "appt-3", "dr-claire-dubois", "patient-3", 4, start, start.AddMinutes(30)));
        var scheduler = Scheduler(new NotificationOptions());

        await scheduler.QueueDueAsync(CancellationToken.None);

        var queued = Assert.Single(_queue.Sent);
        Assert.Equal("notify-events", queued.Queue);
        Assert.Null(queued.Delay);
        var reminder = Assert.IsType<NotificationEvent>(queued.Message);
        Assert.Equal(new NotificationEvent("appt-3-v4-reminder", NotificationKind.Reminder, "appt-3",
            "dr-claire-dubois", "patient-3", 4, start, start.AddMinutes(30), null), reminder);
    }

    private ReminderScheduler Scheduler(NotificationOptions options) => new(
        _appointments, _queue, new NotificationQueues(options.QueuePrefix), Options.Create(options), _time,
        new FakeLogger<ReminderScheduler>());

    private void Book(string appointmentId, DateTimeOffset start) =>
        _appointments.Upcoming.Add(new UpcomingAppointment(appointmentId, "dr-claire-dubois",
            "patient-" + appointmentId, 1, start, start.AddMinutes(30)));

    private List<string> RemindedIds() =>
        _queue.Sent.Select(m => ((NotificationEvent)m.Message).AppointmentId).ToList();
}
