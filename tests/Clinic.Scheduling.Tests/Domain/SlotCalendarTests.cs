using Clinic.Scheduling.Domain;
using NodaTime;
using NodaTime.Text;

namespace Clinic.Scheduling.Tests.Domain;

public sealed class SlotCalendarTests
{
    private static readonly LocalDate SpringForward = new(2027, 3, 14);
    private static readonly LocalDate FallBack = new(2027, 11, 7);

    [Fact]
    public void Between_afternoonShiftOnSpringForwardDay_givesSlotsFrom1700To2200Utc()
    {
        var doctor = DoctorIn("America/New_York", (13, 0, 18, 0));

        var slots = SlotCalendar.Between(doctor, SpringForward, SpringForward).ToList();

        Assert.Equal(10, slots.Count);
        Assert.Equal(Utc("2027-03-14T17:00:00Z"), slots[0].Start);
        Assert.Equal(Utc("2027-03-14T21:30:00Z"), slots[^1].Start);
        Assert.Equal(Utc("2027-03-14T22:00:00Z"), slots[^1].End);
        Assert.All(slots, slot => Assert.Equal(Offset.FromHours(-4), slot.LocalStart.Offset));
    }

    [Fact]
    public void Between_nightShiftOnSpringForwardDay_skipsTheMissingHour()
    {
        var doctor = DoctorIn("America/New_York", (0, 0, 6, 0));

        var localTimes = SlotCalendar.Between(doctor, SpringForward, SpringForward)
            .Select(slot => slot.LocalStart.TimeOfDay)
            .ToList();

        Assert.DoesNotContain(new LocalTime(2, 30), localTimes);
        Assert.DoesNotContain(new LocalTime(2, 0), localTimes);
        Assert.Equal(
            [new(0, 0), new(0, 30), new(1, 0), new(1, 30), new(3, 0), new(3, 30), new(4, 0), new(4, 30),
             new(5, 0), new(5, 30)],
            localTimes);
    }

    [Fact]
    public void Between_nightShiftOnFallBackDay_yieldsEachInstantOfTheRepeatedHourOnce()
    {
        var doctor = DoctorIn("America/New_York", (0, 0, 3, 0));

        var slots = SlotCalendar.Between(doctor, FallBack, FallBack).ToList();

        Assert.Equal(slots.Count, slots.Select(slot => slot.Start).Distinct().Count());
        Assert.Equal(8, slots.Count);
        var oneOClock = slots.Where(slot => slot.LocalStart.TimeOfDay == new LocalTime(1, 0)).ToList();
        Assert.Equal(
            [Utc("2027-11-07T05:00:00Z"), Utc("2027-11-07T06:00:00Z")], oneOClock.Select(s => s.Start));
        Assert.Equal(
            [Offset.FromHours(-4), Offset.FromHours(-5)], oneOClock.Select(s => s.LocalStart.Offset));
    }

    [Fact]
    public void Between_kolkata_appliesTheHalfHourOffset()
    {
        var doctor = DoctorIn("Asia/Kolkata", (9, 0, 10, 0));

        var slots = SlotCalendar.Between(doctor, SpringForward, SpringForward).ToList();

        Assert.Equal([Utc("2027-03-14T03:30:00Z"), Utc("2027-03-14T04:00:00Z")], slots.Select(s => s.Start));
        Assert.All(slots, slot => Assert.Equal(Offset.FromHoursAndMinutes(5, 30), slot.LocalStart.Offset));
    }

    [Fact]
    public void Between_dayOff_givesNoSlotsThatDay()
    {
        var doctor = DoctorIn("Europe/Paris", (9, 0, 12, 0)) with
        {
            DaysOff = new HashSet<LocalDate> { new(2027, 3, 15) },
        };

        var slots = SlotCalendar.Between(doctor, new LocalDate(2027, 3, 15), new LocalDate(2027, 3, 16))
            .ToList();

        Assert.All(slots, slot => Assert.Equal(new LocalDate(2027, 3, 16), slot.LocalStart.Date));
        Assert.Equal(6, slots.Count);
    }

    [Fact]
    public void Offers_slotStart_isTrue_andOffGridOrOutsideHours_isFalse()
    {
        var doctor = DoctorIn("Europe/Paris", (9, 0, 12, 0));

        Assert.True(SlotCalendar.Offers(doctor, Utc("2027-03-15T08:30:00Z")));
        Assert.False(SlotCalendar.Offers(doctor, Utc("2027-03-15T08:40:00Z")));
        Assert.False(SlotCalendar.Offers(doctor, Utc("2027-03-15T11:00:00Z")));
    }

    [Fact]
    public void Between_45MinuteSlotsAfterTheSpringForwardHour_startOnTheDaysGrid()
    {
        // 07:30 is ten slots after midnight, but on this day only 6.5 hours have elapsed by then.
        var doctor = DoctorIn("America/New_York", (7, 30, 12, 0), slotMinutes: 45);

        var slots = SlotCalendar.Between(doctor, SpringForward, SpringForward).ToList();
        var dayStart = SpringForward.AtStartOfDayInZone(doctor.TimeZone).ToInstant();

        Assert.Equal(new LocalTime(7, 45), slots[0].LocalStart.TimeOfDay);
        Assert.All(slots, slot => Assert.Equal(0, (slot.Start - dayStart).TotalMinutes % 45));
    }

    /// <summary>
    /// Whatever two versions of a doctor's rules say, a slot of one that overlaps a slot of the other starts at
    /// the same instant: the slot row keyed by that instant is then what refuses a double booking.
    /// </summary>
    [Theory]
    [InlineData("America/New_York", 30)]
    [InlineData("America/New_York", 45)]
    [InlineData("Europe/Paris", 20)]
    [InlineData("Asia/Kolkata", 40)]
    [InlineData("Australia/Lord_Howe", 20)]
    [InlineData("America/Havana", 45)]
    public void Between_twoVersionsOfTheRules_neverOfferOverlappingSlotsWithDifferentStarts(
        string zone, int slotMinutes)
    {
        var random = new Random(slotMinutes);
        var days = DstDaysOf(DateTimeZoneProviders.Tzdb[zone], 2027).Append(new LocalDate(2027, 6, 15));

        foreach (var day in days)
        {
            for (var round = 0; round < 50; round++)
            {
                var before = SlotCalendar.Between(RandomRules(zone, slotMinutes, random), day, day).ToList();
                var after = SlotCalendar.Between(RandomRules(zone, slotMinutes, random), day, day).ToList();

                Assert.DoesNotContain(before, old => after.Any(
                    current => current.Start < old.End && old.Start < current.End && current.Start != old.Start));
            }
        }
    }

    // Periods on the slot grid, as the availability check asks: a whole number of slots after 00:00.
    private static Doctor RandomRules(string zone, int slotMinutes, Random random)
    {
        var slotsPerDay = (24 * 60) / slotMinutes;
        var first = random.Next(0, slotsPerDay - 1);
        var last = random.Next(first + 1, slotsPerDay + 1);
        var start = LocalTime.Midnight.PlusMinutes(first * slotMinutes);
        var end = last == slotsPerDay ? new LocalTime(23, 59) : LocalTime.Midnight.PlusMinutes(last * slotMinutes);
        return DoctorIn(zone, (start.Hour, start.Minute, end.Hour, end.Minute), slotMinutes);
    }

    private static IEnumerable<LocalDate> DstDaysOf(DateTimeZone zone, int year)
    {
        var from = Instant.FromUtc(year, 1, 1, 0, 0);
        var to = Instant.FromUtc(year + 1, 1, 1, 0, 0);
        return zone.GetZoneIntervals(from, to).Skip(1).Select(interval => interval.Start.InZone(zone).Date);
    }

    private static Doctor DoctorIn(
        string zone, (int H1, int M1, int H2, int M2) hours, int slotMinutes = 30)
    {
        var rules = Enum.GetValues<IsoDayOfWeek>()
            .Where(day => day != IsoDayOfWeek.None)
            .Select(day => new WeeklyAvailability(
                day, new LocalTime(hours.H1, hours.M1), new LocalTime(hours.H2, hours.M2)))
            .ToList();
        return new Doctor(
            "dr-test",
            "Dr. Test",
            "Testing",
            DateTimeZoneProviders.Tzdb[zone],
            Duration.FromMinutes(slotMinutes),
            rules,
            new HashSet<LocalDate>());
    }

    private static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;
}
