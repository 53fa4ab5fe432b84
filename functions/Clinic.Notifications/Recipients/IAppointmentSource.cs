namespace Clinic.Notifications.Recipients;

/// <summary>The appointments, as scheduling holds them.</summary>
public interface IAppointmentSource
{
    /// <summary>The appointment as it stands now, or null when there is none.</summary>
    Task<AppointmentSnapshot?> FindAsync(string doctorId, string appointmentId, CancellationToken cancellationToken);

    /// <summary>Booked appointments starting in [from, to), for reminders.</summary>
    Task<IReadOnlyList<UpcomingAppointment>> ListStartingAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
