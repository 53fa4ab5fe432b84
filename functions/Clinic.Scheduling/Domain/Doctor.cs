using NodaTime;

namespace Clinic.Scheduling.Domain;

/// <summary>
/// A doctor as scheduling sees them: public profile, time zone, slot length, weekly rules, days off.
/// </summary>
public sealed record Doctor(
    string Id,
    string DisplayName,
    string Specialty,
    DateTimeZone TimeZone,
    Duration SlotLength,
    IReadOnlyList<WeeklyAvailability> WeeklyAvailability,
    IReadOnlySet<LocalDate> DaysOff);
