using Clinic.Scheduling.Changes;
using Clinic.Scheduling.Domain;
using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>
/// Appointments and the slots they hold. Every write that changes which slot is held is one atomic
/// storage operation, and a slot can be held by one appointment only: the store, not a prior read, decides.
/// </summary>
public interface IAppointmentStore
{
    /// <summary>
    /// Adds the link, or returns the one that already exists for that patient and appointment.
    /// </summary>
    Task<PatientLink?> AddPatientLinkAsync(PatientLink link, CancellationToken cancellationToken);

    Task RemovePatientLinkAsync(PatientLink link, CancellationToken cancellationToken);

    Task<PatientLink?> FindPatientLinkAsync(
        string patientId, string appointmentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PatientLink>> ListPatientLinksAsync(
        string patientId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// The appointment a link points to, or null when the booking behind the link never completed.
    /// </summary>
    Task<StoredAppointment?> FindAsync(PatientLink link, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the slot with the appointment and records <paramref name="change"/> in the outbox, in one
    /// transaction that fails if the slot is held.
    /// </summary>
    Task<WriteOutcome> BookAsync(
        Appointment appointment, AppointmentChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Frees the old slot, holds the new one, updates the appointment and records the change together, or does
    /// nothing.
    /// </summary>
    Task<WriteOutcome> MoveAsync(
        StoredAppointment current, Appointment moved, AppointmentChange change, CancellationToken cancellationToken);

    /// <summary>Frees the slot, stores the cancellation and records the change together, or does nothing.</summary>
    Task<WriteOutcome> CancelAsync(
        StoredAppointment current,
        Appointment cancelled,
        AppointmentChange change,
        CancellationToken cancellationToken);

    /// <summary>A doctor's appointment by id, searched within that doctor's partition only.</summary>
    Task<StoredAppointment?> FindForDoctorAsync(
        string doctorId, string appointmentId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a visit's outcome on the appointment and the slot it keeps holding, together.
    /// </summary>
    Task<WriteOutcome> RecordOutcomeAsync(
        StoredAppointment current, Appointment recorded, CancellationToken cancellationToken);

    /// <summary>The slots held between two instants (start inclusive, end exclusive).</summary>
    Task<IReadOnlyList<BookedSlot>> ListBookedAsync(
        string doctorId, Instant from, Instant to, CancellationToken cancellationToken);
}
