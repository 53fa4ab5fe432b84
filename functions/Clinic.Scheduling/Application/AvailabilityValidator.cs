using Clinic.Platform.Errors;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;
using NodaTime;
using NodaTime.Text;

namespace Clinic.Scheduling.Application;

/// <summary>
/// Checks a doctor's new availability and reports every problem at once, one field error each, named by its
/// JSON path (<c>weeklyAvailability[2].end</c>), so a form can mark the very input. Messages say what is
/// expected and never repeat what was sent.
/// </summary>
internal static class AvailabilityValidator
{
    public const int MinSlotMinutes = 5;
    public const int MaxSlotMinutes = 240;

    /// <summary>Ten periods on each of five days is more than any clinic week needs.</summary>
    public const int MaxPeriods = 50;

    /// <summary>A year of days off, listed ahead; older ones may be dropped as they pass.</summary>
    public const int MaxDaysOff = 366;

    private const int MaxTimeZoneLength = 64;
    private const string Periods = "weeklyAvailability";
    private const string DaysOff = "daysOff";

    private static readonly LocalTimePattern TimeOfDay = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private static readonly IsoDayOfWeek[] Weekdays =
        Enum.GetValues<IsoDayOfWeek>().Where(day => day != IsoDayOfWeek.None).ToArray();

    public static Result<DoctorAvailability> Validate(UpdateAvailabilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var errors = new FieldErrors();
        var zone = CheckZone(request.TimeZone, errors);
        var slotLength = CheckSlotLength(request.SlotMinutes, errors);
        var periods = CheckPeriods(request.WeeklyAvailability, slotLength, errors);
        var daysOff = CheckDaysOff(request.DaysOff, errors);
        if (!errors.IsEmpty)
            return errors.ToFailure();

        return new DoctorAvailability(zone!, slotLength!.Value, periods, daysOff);
    }

    private static DateTimeZone? CheckZone(string? value, FieldErrors errors)
    {
        var zone = value is { Length: > 0 and <= MaxTimeZoneLength }
            ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(value)
            : null;
        if (zone is null)
            errors.Add("timeZone", "Give an IANA time zone such as Europe/Paris.");
        return zone;
    }

    private static Duration? CheckSlotLength(int? minutes, FieldErrors errors)
    {
        if (minutes is >= MinSlotMinutes and <= MaxSlotMinutes)
            return Duration.FromMinutes(minutes.Value);

        errors.Add(
            "slotMinutes", $"Give a whole number of minutes from {MinSlotMinutes} to {MaxSlotMinutes}.");
        return null;
    }

    private static List<WeeklyAvailability> CheckPeriods(
        IReadOnlyList<WeeklyPeriodRequest?>? requested, Duration? slotLength, FieldErrors errors)
    {
        if (requested is null || requested.Count > MaxPeriods)
        {
            errors.Add(Periods, $"Give a list of at most {MaxPeriods} periods; [] for none.");
            return [];
        }

        var periods = new List<(int Index, WeeklyAvailability Period)>();
        for (var index = 0; index < requested.Count; index++)
        {
            if (CheckPeriod(requested[index], $"{Periods}[{index}]", slotLength, errors) is { } period)
                periods.Add((index, period));
        }

        CheckOverlaps(periods, errors);
        return periods.Select(pair => pair.Period).ToList();
    }

    private static WeeklyAvailability? CheckPeriod(
        WeeklyPeriodRequest? requested, string field, Duration? slotLength, FieldErrors errors)
    {
        if (requested is null)
        {
            errors.Add(field, "Give a period as { day, start, end }.");
            return null;
        }

        var day = Weekdays.FirstOrDefault(
            weekday => string.Equals(weekday.ToString(), requested.Day, StringComparison.OrdinalIgnoreCase));
        if (day == IsoDayOfWeek.None)
            errors.Add($"{field}.day", "Give an English weekday name, Monday to Sunday.");
        var start = CheckTime(requested.Start, $"{field}.start", errors);
        var end = CheckTime(requested.End, $"{field}.end", errors);
        if (day == IsoDayOfWeek.None || start is null || end is null)
            return null;

        // Periods never cross midnight, which is what lets a slot always start on its period's local date.
        if (end <= start)
        {
            errors.Add($"{field}.end", "Must be after start, on the same day.");
            return null;
        }

        var ticks = end.Value.TickOfDay - start.Value.TickOfDay;
        if (slotLength is { } length && ticks < length.BclCompatibleTicks)
        {
            var minutes = (int)length.TotalMinutes;
            errors.Add($"{field}.end", $"Leave room for at least one slot of {minutes} minutes.");
            return null;
        }

        // Slots start on one grid per day (SlotCalendar); a period that did not would lose its first minutes.
        if (slotLength is { } grid && start.Value.TickOfDay % grid.BclCompatibleTicks != 0)
        {
            var minutes = (int)grid.TotalMinutes;
            errors.Add($"{field}.start", $"Start on the slot grid: a multiple of {minutes} minutes after 00:00.");
            return null;
        }

        return new WeeklyAvailability(day, start.Value, end.Value).Validate();
    }

    private static LocalTime? CheckTime(string? value, string field, FieldErrors errors)
    {
        var parsed = value is { Length: 5 } ? TimeOfDay.Parse(value) : null;
        if (parsed is { Success: true })
            return parsed.Value;

        errors.Add(field, "Give a time as HH:mm, from 00:00 to 23:59.");
        return null;
    }

    /// <summary>Touching periods (one ends at 12:30, the next starts then) are fine; overlapping are not.
    /// </summary>
    private static void CheckOverlaps(
        List<(int Index, WeeklyAvailability Period)> periods, FieldErrors errors)
    {
        foreach (var day in periods.GroupBy(pair => pair.Period.Day))
        {
            LocalTime? latestEnd = null;
            foreach (var (index, period) in day.OrderBy(pair => pair.Period.Start).ThenBy(pair => pair.Index))
            {
                if (latestEnd is { } end && period.Start < end)
                    errors.Add($"{Periods}[{index}].start", "Overlaps another period on the same day.");
                latestEnd = latestEnd is { } previous && previous > period.End ? previous : period.End;
            }
        }
    }

    private static HashSet<LocalDate> CheckDaysOff(IReadOnlyList<string?>? requested, FieldErrors errors)
    {
        if (requested is null || requested.Count > MaxDaysOff)
        {
            errors.Add(DaysOff, $"Give a list of at most {MaxDaysOff} dates; [] for none.");
            return [];
        }

        // A date listed twice is one day off: the set keeps it once.
        var days = new HashSet<LocalDate>();
        for (var index = 0; index < requested.Count; index++)
        {
            if (TimeText.TryParseDate(requested[index], out var day))
                days.Add(day);
            else
                errors.Add($"{DaysOff}[{index}]", "Give a date as yyyy-MM-dd, from 1900 to 2200.");
        }

        return days;
    }
}
