using Clinic.Platform.Privacy;

namespace Clinic.Scheduling.Contracts;

public sealed record AppointmentResponse(
    string Id,
    string DoctorId,
    string Status,
    string StartUtc,
    string EndUtc,
    string LocalStart,
    string UtcOffset,
    string TimeZone,
    int Version,
    string CreatedAt,
    string UpdatedAt,
    [property: PersonalData] string? Note);
