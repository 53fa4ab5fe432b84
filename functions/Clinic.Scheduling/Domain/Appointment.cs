using Clinic.Platform.Privacy;
using NodaTime;

namespace Clinic.Scheduling.Domain;

/// <summary>
/// A patient's appointment with a doctor. <see cref="Version"/> grows with every change, so messages about an
/// older version can be recognised as stale.
/// </summary>
public sealed record Appointment(
    string Id,
    string DoctorId,
    string PatientId,
    Instant Start,
    Instant End,
    AppointmentStatus Status,
    int Version,
    Instant CreatedAt,
    Instant UpdatedAt,
    [property: PersonalData] string? Note = null)
{
    public static Appointment Book(
        string id, string patientId, Doctor doctor, Slot slot, Instant now, string? note) =>
        new(id, doctor.Id, patientId, slot.Start, slot.End, AppointmentStatus.Booked, 1, now, now, note);

    public Appointment MoveTo(Slot slot, Instant now) =>
        this with { Start = slot.Start, End = slot.End, Version = Version + 1, UpdatedAt = now };

    /// <summary>What happened at a visit that has begun, as the doctor records it.</summary>
    public Appointment RecordOutcome(AppointmentStatus outcome, Instant now) =>
        this with { Status = outcome, Version = Version + 1, UpdatedAt = now };

    public Appointment Cancel(Instant now) =>
        this with { Status = AppointmentStatus.Cancelled, Version = Version + 1, UpdatedAt = now };
}
