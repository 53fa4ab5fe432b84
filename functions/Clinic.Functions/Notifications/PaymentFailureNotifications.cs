using Clinic.Billing.Application;
using Clinic.Billing.Domain;
using Clinic.Notifications.Content;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Recipients;
using Clinic.Notifications.Transport;

namespace Clinic.Functions.Notifications;

/// <summary>
/// Billing's failed payments, as notification events: the appointment's times come from scheduling, the
/// invoice's version keys the delivery, so a second failed attempt tells the patient again and a retry does not.
/// </summary>
public sealed class PaymentFailureNotifications(
    IAppointmentSource appointments, INotificationQueue queue, NotificationQueues queues)
    : IPaymentFailureNotifier
{
    public async Task NotifyAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);

        var appointment = await appointments.FindAsync(invoice.DoctorId, invoice.AppointmentId, cancellationToken);
        if (appointment is null || appointment.IsCancelled)
            return;

        var notification = new NotificationEvent($"{invoice.Id}-v{invoice.Version}-payment-failed",
            NotificationKind.PaymentFailed, invoice.AppointmentId, invoice.DoctorId, invoice.PatientId,
            invoice.Version, appointment.StartUtc, appointment.EndUtc, null);
        await queue.SendAsync(queues.Events, notification, null, cancellationToken);
    }
}
