using Clinic.Scheduling.Application;
using Clinic.Scheduling.Changes;
using Clinic.Scheduling.Domain;
using NodaTime;

namespace Clinic.IntegrationTests.Caching;

/// <summary>
/// The real store, but a booking's answer is lost after it committed, as when a timed-out attempt is retried:
/// the booking is stored, and the request hears "slot taken" from the retry.
/// </summary>
internal sealed class LostAnswerStore(IAppointmentStore inner) : IAppointmentStore
{
    public async Task<WriteOutcome> BookAsync(
        Appointment appointment, AppointmentChange change, CancellationToken cancellationToken)
    {
        await inner.BookAsync(appointment, change, cancellationToken);
        return await inner.BookAsync(appointment, change, cancellationToken);
    }

    public Task<PatientLink?> AddPatientLinkAsync(PatientLink link, CancellationToken cancellationToken) =>
        inner.AddPatientLinkAsync(link, cancellationToken);

    public Task RemovePatientLinkAsync(PatientLink link, CancellationToken cancellationToken) =>
        inner.RemovePatientLinkAsync(link, cancellationToken);

    public Task<PatientLink?> FindPatientLinkAsync(
        string patientId, string appointmentId, CancellationToken cancellationToken) =>
        inner.FindPatientLinkAsync(patientId, appointmentId, cancellationToken);

    public Task<IReadOnlyList<PatientLink>> ListPatientLinksAsync(
        string patientId, int max, CancellationToken cancellationToken) =>
        inner.ListPatientLinksAsync(patientId, max, cancellationToken);

    public Task<StoredAppointment?> FindAsync(PatientLink link, CancellationToken cancellationToken) =>
        inner.FindAsync(link, cancellationToken);

    public Task<WriteOutcome> MoveAsync(
        StoredAppointment current, Appointment moved, AppointmentChange change,
        CancellationToken cancellationToken) =>
        inner.MoveAsync(current, moved, change, cancellationToken);

    public Task<WriteOutcome> CancelAsync(
        StoredAppointment current, Appointment cancelled, AppointmentChange change,
        CancellationToken cancellationToken) =>
        inner.CancelAsync(current, cancelled, change, cancellationToken);

    public Task<StoredAppointment?> FindForDoctorAsync(
        string doctorId, string appointmentId, CancellationToken cancellationToken) =>
        inner.FindForDoctorAsync(doctorId, appointmentId, cancellationToken);

    public Task<WriteOutcome> RecordOutcomeAsync(
        StoredAppointment current, Appointment recorded, CancellationToken cancellationToken) =>
        inner.RecordOutcomeAsync(current, recorded, cancellationToken);

    public Task<IReadOnlyList<BookedSlot>> ListBookedAsync(
        string doctorId, Instant from, Instant to, CancellationToken cancellationToken) =>
        inner.ListBookedAsync(doctorId, from, to, cancellationToken);
}
