using Clinic.Notifications.Content;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Recipients;
using Clinic.Notifications.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Notifications.Reminders;

/// <summary>
/// Queues a reminder for each appointment that starts about <see cref="NotificationOptions.ReminderLead"/> from
/// now. The window reaches one interval back and one forward, so runs overlap and a late or skipped run misses
/// nothing; a reminder queued twice is sent once, because its delivery records are keyed by appointment, kind,
/// version and channel.
/// </summary>
public sealed class ReminderScheduler(
    IAppointmentSource appointments,
    INotificationQueue queue,
    NotificationQueues queues,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<ReminderScheduler> logger)
{
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var target = time.GetUtcNow() + settings.ReminderLead;
        var due = await appointments.ListStartingAsync(
            target - settings.ReminderInterval, target + settings.ReminderInterval, cancellationToken);

        foreach (var appointment in due)
        {
            var reminder = new NotificationEvent(
                $"{appointment.AppointmentId}-v{appointment.Version}-reminder", NotificationKind.Reminder,
                appointment.AppointmentId, appointment.DoctorId, appointment.PatientId, appointment.Version,
                appointment.StartUtc, appointment.EndUtc, null);
            await queue.SendAsync(queues.Events, reminder, null, cancellationToken);
        }

        Log.RemindersQueued(logger, due.Count);
        return due.Count;
    }
}
