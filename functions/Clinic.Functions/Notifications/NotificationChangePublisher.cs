using Clinic.Notifications.Content;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Transport;
using Clinic.Scheduling.Changes;

namespace Clinic.Functions.Notifications;

/// <summary>Publishes scheduling's committed changes to the notification events queue.</summary>
public sealed class NotificationChangePublisher(INotificationQueue queue) : IAppointmentChangePublisher
{
    public Task PublishAsync(AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);

        var kind = change.Kind switch
        {
            AppointmentChangeKind.Booked => NotificationKind.Confirmation,
            AppointmentChangeKind.Rescheduled => NotificationKind.Reschedule,
            _ => NotificationKind.Cancellation,
        };
        var notification = new NotificationEvent(change.Id, kind, change.AppointmentId, change.DoctorId,
            change.PatientId, change.Version, change.StartUtc, change.EndUtc, change.PreviousStartUtc);
        return queue.SendAsync(NotificationQueues.Events, notification, null, cancellationToken);
    }
}
