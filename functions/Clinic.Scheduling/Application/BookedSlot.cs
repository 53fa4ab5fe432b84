using Clinic.Platform.Privacy;
using Clinic.Scheduling.Domain;
using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>A slot that an appointment holds: the storage's proof that nobody else can book it.</summary>
public sealed record BookedSlot(
    string AppointmentId, string PatientId, Instant Start, Instant End, [property: PersonalData] string? Note,
    AppointmentStatus Status,
    int Version = 1);
