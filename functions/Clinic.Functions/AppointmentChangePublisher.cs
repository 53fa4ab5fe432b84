using Clinic.Functions.Billing;
using Clinic.Notifications.Content;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Transport;
using Clinic.Scheduling.Changes;

namespace Clinic.Functions;

/// <summary>
/// Publishes scheduling's committed changes to the modules that react to them: billing (issue the invoice of a
/// booking, settle the invoice of a cancellation) and notifications (tell the patient). Storage queues have no
/// topics, so each module gets its own queue; the outbox row goes only once both have the change, and both
/// consumers are idempotent, so a change published twice does nothing twice.
/// </summary>
public sealed class AppointmentChangePublisher(INotificationQueue queue, NotificationQueues queues)
    : IAppointmentChangePublisher
{
    public async Task PublishAsync(AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);

        await queue.SendAsync(BillingChangeFunctions.Queue, change, null, cancellationToken);
        await queue.SendAsync(queues.Events, ToNotification(change), null, cancellationToken);
    }

    private static NotificationEvent ToNotification(AppointmentChange change)
    {
        var kind = change.Kind switch
        {
            AppointmentChangeKind.Booked => NotificationKind.Confirmation,
            AppointmentChangeKind.Rescheduled => NotificationKind.Reschedule,
            _ => NotificationKind.Cancellation,
        };
        return new NotificationEvent(change.Id, kind, change.AppointmentId, change.DoctorId, change.PatientId,
            change.Version, change.StartUtc, change.EndUtc, change.PreviousStartUtc);
    }
}
