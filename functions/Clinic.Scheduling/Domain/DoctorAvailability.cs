using NodaTime;

namespace Clinic.Scheduling.Domain;

/// <summary>
/// What decides a doctor's slots: the zone their rules are read in, the slot length, the weekly working
/// periods and the days off. Replaced as a whole when the doctor edits it.
/// </summary>
public sealed record DoctorAvailability(
    DateTimeZone TimeZone,
    Duration SlotLength,
    IReadOnlyList<WeeklyAvailability> WeeklyAvailability,
    IReadOnlySet<LocalDate> DaysOff);
