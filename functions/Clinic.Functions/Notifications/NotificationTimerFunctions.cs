using Clinic.Notifications.Reminders;
using Clinic.Scheduling.Changes;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Notifications;

/// <summary>
/// The timers of the flow: reminders (<c>Notifications:ReminderSchedule</c>, every 15 minutes by default) and
/// the outbox sweep, which publishes scheduling changes that the fast path after a commit missed.
/// </summary>
public sealed class NotificationTimerFunctions(ReminderScheduler reminders, ChangeDispatcher changes)
{
    [Function("QueueReminders")]
    public Task QueueReminders(
        [TimerTrigger("%Notifications:ReminderSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reminders.QueueDueAsync(cancellationToken);

    [Function("SweepChangeOutbox")]
    public Task SweepChangeOutbox(
        [TimerTrigger("%Notifications:OutboxSweepSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        changes.SweepAsync(cancellationToken);
}
