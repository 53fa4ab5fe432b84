using NodaTime;

namespace Clinic.Scheduling.Domain;

/// <summary>
/// A recurring working period on one weekday, in the doctor's wall-clock time, e.g. Mon 09:00-17:00.
/// </summary>
public sealed record WeeklyAvailability(IsoDayOfWeek Day, LocalTime Start, LocalTime End)
{
    public WeeklyAvailability Validate()
    {
        if (Day == IsoDayOfWeek.None)
            throw new ArgumentException("A weekday is required.", nameof(Day));
        if (End <= Start)
            throw new ArgumentException("A working period must end after it starts.", nameof(End));
        return this;
    }
}
