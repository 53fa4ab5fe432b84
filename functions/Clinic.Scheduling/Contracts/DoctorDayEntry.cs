using Clinic.Platform.Privacy;

namespace Clinic.Scheduling.Contracts;

public sealed record DoctorDayEntry(
    string AppointmentId,
    string PatientId,
    string StartUtc,
    string EndUtc,
    string LocalStart,
    string UtcOffset,
    string Status,
    [property: PersonalData] string? Note);
