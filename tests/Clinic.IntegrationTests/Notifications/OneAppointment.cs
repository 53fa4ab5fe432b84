using Clinic.Notifications.Recipients;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// One booked appointment and its patient, for handlers driven directly by a test: what scheduling and the
/// users module would answer, without booking through the API.
/// </summary>
internal sealed class OneAppointment(AppointmentSnapshot appointment, Recipient patient)
    : IAppointmentSource, IRecipientDirectory
{
    public Task<AppointmentSnapshot?> FindAsync(
        string doctorId, string appointmentId, CancellationToken cancellationToken) =>
        Task.FromResult<AppointmentSnapshot?>(appointment);

    public Task<IReadOnlyList<UpcomingAppointment>> ListStartingAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UpcomingAppointment>>([]);

    public Task<Recipient?> FindAsync(string patientId, CancellationToken cancellationToken) =>
        Task.FromResult<Recipient?>(patient);
}
