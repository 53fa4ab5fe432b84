using Clinic.Notifications.Recipients;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>
/// Scheduling's appointments as the notification flow reads them: one snapshot for every appointment id,
/// and booked appointments searched as the contract says, starts in [from, to). Keeps each window asked for.
/// </summary>
internal sealed class FixedAppointments(AppointmentSnapshot? snapshot = null) : IAppointmentSource
{
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> _windows = [];

    public List<UpcomingAppointment> Upcoming { get; } = [];

    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Windows
    {
        get
        {
            lock (_windows)
                return _windows.ToList();
        }
    }

    public Task<AppointmentSnapshot?> FindAsync(
        string doctorId, string appointmentId, CancellationToken cancellationToken) =>
        Task.FromResult(snapshot);

    public Task<IReadOnlyList<UpcomingAppointment>> ListStartingAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        lock (_windows)
            _windows.Add((from, to));
        IReadOnlyList<UpcomingAppointment> starting =
            Upcoming.Where(appointment => appointment.StartUtc >= from && appointment.StartUtc < to).ToList();
        return Task.FromResult(starting);
    }
}
