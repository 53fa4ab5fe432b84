using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>
/// Ties a patient to one of their appointments. It remembers the slot first booked, where an appointment
/// that never changed is found, and what was asked for, so a retried booking with the same idempotency key
/// can be told apart from a different booking that reuses the key.
/// </summary>
public sealed record PatientLink(
    string PatientId, string AppointmentId, string DoctorId, Instant BookedStart, string RequestFingerprint);
