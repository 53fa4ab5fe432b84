using Clinic.Platform.Privacy;

namespace Clinic.Scheduling.Contracts;

/// <summary>
/// Book the slot of <paramref name="DoctorId"/> that starts at <paramref name="Start"/> (ISO 8601 instant).
/// </summary>
public sealed record BookAppointmentRequest(
    string? DoctorId, string? Start, [property: PersonalData] string? Note = null);
