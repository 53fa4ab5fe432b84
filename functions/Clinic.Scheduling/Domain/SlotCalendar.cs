using NodaTime;

namespace Clinic.Scheduling.Domain;

/// <summary>
/// Turns weekly rules into slots. A working period is placed on the timeline by mapping its local start and
/// end into the doctor's zone, then cut into slots of elapsed time. So a period that spans a DST change is
/// as long as it really is: no slot falls in a skipped hour, and a repeated hour yields each instant once.
/// <para>
/// Every slot of a local day starts on one grid: a whole number of slot lengths after the day's first
/// instant. Whatever the rules were when an appointment was booked and whatever they are now, two slots of a
/// doctor that overlap therefore start at the same instant, and the insert-only slot row keyed by that
/// instant refuses the second booking. Periods start on the grid (the availability check asks for it), so
/// the grid moves a period's first slot only on a DST day, and only when the shift is not a whole number of
/// slots. The zone and the slot length define the grid, which is why a doctor cannot change them.
/// </para>
/// </summary>
public static class SlotCalendar
{
    /// <summary>
    /// All slots on the doctor's local dates <paramref name="from"/> to <paramref name="to"/>.
    /// </summary>
    public static IEnumerable<Slot> Between(Doctor doctor, LocalDate from, LocalDate to)
    {
        ArgumentNullException.ThrowIfNull(doctor);

        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            if (doctor.DaysOff.Contains(date))
                continue;

            foreach (var period in doctor.WeeklyAvailability
                .Where(p => p.Day == date.DayOfWeek)
                .OrderBy(p => p.Start))
            {
                foreach (var slot in Cut(doctor, date, period))
                    yield return slot;
            }
        }
    }

    /// <summary>Whether <paramref name="start"/> is exactly the start of one of the doctor's slots.</summary>
    public static bool Offers(Doctor doctor, Instant start)
    {
        ArgumentNullException.ThrowIfNull(doctor);

        // Working periods never cross midnight, so a slot always starts on its period's local date.
        var localDate = start.InZone(doctor.TimeZone).Date;
        return Between(doctor, localDate, localDate).Any(slot => slot.Start == start);
    }

    private static IEnumerable<Slot> Cut(Doctor doctor, LocalDate date, WeeklyAvailability period)
    {
        var zone = doctor.TimeZone;
        var periodStart = zone.AtLeniently(date.At(period.Start)).ToInstant();
        var periodEnd = zone.AtLeniently(date.At(period.End)).ToInstant();
        var length = doctor.SlotLength;

        for (var start = FirstOnGrid(date.AtStartOfDayInZone(zone).ToInstant(), periodStart, length);
             start + length <= periodEnd;
             start += length)
        {
            yield return new Slot(start, start + length, start.InZone(zone));
        }
    }

    // The first grid point (day start + k slot lengths) at or after the period's start.
    private static Instant FirstOnGrid(Instant dayStart, Instant periodStart, Duration length)
    {
        var offset = (periodStart - dayStart).BclCompatibleTicks;
        var ticks = length.BclCompatibleTicks;
        var steps = (offset + ticks - 1) / ticks;
        return dayStart + Duration.FromTicks(steps * ticks);
    }
}
