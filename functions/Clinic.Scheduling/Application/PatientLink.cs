namespace Clinic.Scheduling.Application;

/// <summary>
/// Ties a patient to one of their appointments, and remembers what was asked for, so a retried booking with
/// the same idempotency key can be told apart from a different booking that reuses the key.
/// </summary>
public sealed record PatientLink(string PatientId, string AppointmentId, string DoctorId, string RequestFingerprint);
