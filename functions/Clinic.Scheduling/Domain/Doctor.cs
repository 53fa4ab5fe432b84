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
    IReadOnlySet<LocalDate> DaysOff)
{
    /// <summary>The same doctor under new rules; the appointments booked are not part of a doctor.</summary>
    public Doctor WithAvailability(DoctorAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);

        return this with
        {
            TimeZone = availability.TimeZone,
            SlotLength = availability.SlotLength,
            WeeklyAvailability = availability.WeeklyAvailability,
            DaysOff = availability.DaysOff,
        };
    }

    public Doctor WithProfile(DoctorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);

        return this with { DisplayName = profile.DisplayName, Specialty = profile.Specialty };
    }
}
