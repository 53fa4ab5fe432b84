using NodaTime;

namespace Clinic.Scheduling.Domain;

/// <summary>
/// Turns weekly rules into slots. A working period is placed on the timeline by mapping its local start and
/// end into the doctor's zone, then cut into slots of elapsed time. So a period that spans a DST change is
/// as long as it really is: no slot falls in a skipped hour, and a repeated hour yields each instant once.
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

        for (var start = periodStart; start + doctor.SlotLength <= periodEnd; start += doctor.SlotLength)
            yield return new Slot(start, start + doctor.SlotLength, start.InZone(zone));
    }
}
