namespace Clinic.Scheduling.Contracts;

/// <summary>
/// Replaces a doctor's availability as a whole: IANA zone, slot length in minutes, the weekly periods in that
/// zone's wall-clock time and the days off (<c>yyyy-MM-dd</c>, the doctor's local dates).
/// </summary>
public sealed record UpdateAvailabilityRequest(
    string? TimeZone,
    int? SlotMinutes,
    IReadOnlyList<WeeklyPeriodRequest?>? WeeklyAvailability,
    IReadOnlyList<string?>? DaysOff);
