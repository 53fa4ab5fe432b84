namespace Clinic.Scheduling.Contracts;

/// <summary>
/// A doctor's availability: periods in day and start order, days off in date order. Nothing in it is
/// personal data of a patient.
/// </summary>
public sealed record DoctorAvailabilityResponse(
    string DoctorId,
    string TimeZone,
    int SlotMinutes,
    IReadOnlyList<WeeklyPeriodResponse> WeeklyAvailability,
    IReadOnlyList<string> DaysOff);
