using Clinic.Notifications.Recipients;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Domain;
using NodaTime;

namespace Clinic.Functions.Notifications;

/// <summary>Scheduling's appointments, as the notification flow reads them (authoritative rows, no cache).</summary>
internal sealed class SchedulingAppointmentSource(IAppointmentStore store, DoctorDirectory doctors)
    : IAppointmentSource
{
    public async Task<AppointmentSnapshot?> FindAsync(
        string doctorId, string appointmentId, CancellationToken cancellationToken)
    {
        var doctor = await doctors.FindAsync(doctorId, cancellationToken);
        var stored = await store.FindForDoctorAsync(doctorId, appointmentId, cancellationToken);
        if (doctor is null || stored is null)
            return null;

        var appointment = stored.Appointment;
        return new AppointmentSnapshot(appointment.Version, appointment.Status == AppointmentStatus.Cancelled,
            appointment.Start.ToDateTimeOffset(), appointment.End.ToDateTimeOffset(), doctor.DisplayName,
            doctor.TimeZone.Id);
    }

    public async Task<IReadOnlyList<UpcomingAppointment>> ListStartingAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var directory = await doctors.ListAsync(cancellationToken);
        var reads = directory.Doctors.Select(async doctor =>
        {
            var booked = await store.ListBookedAsync(doctor.Id, Instant.FromDateTimeOffset(from),
                Instant.FromDateTimeOffset(to), cancellationToken);
            return booked
                .Where(slot => slot.Status == AppointmentStatus.Booked)
                .Select(slot => new UpcomingAppointment(slot.AppointmentId, doctor.Id, slot.PatientId, slot.Version,
                    slot.Start.ToDateTimeOffset(), slot.End.ToDateTimeOffset()));
        });
        return (await Task.WhenAll(reads)).SelectMany(slots => slots).ToList();
    }
}
