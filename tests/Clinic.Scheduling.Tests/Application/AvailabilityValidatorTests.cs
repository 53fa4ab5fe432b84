using Clinic.Scheduling.Application;
using Clinic.Scheduling.Contracts;
using NodaTime;

namespace Clinic.Scheduling.Tests.Application;

public sealed class AvailabilityValidatorTests
{
    private const string First = "weeklyAvailability[0]";

    public static TheoryData<UpdateAvailabilityRequest, string> Invalid => new()
    {
        // request, the one field expected in errors
        { Valid() with { TimeZone = null }, "timeZone" },
        { Valid() with { TimeZone = "Mars/Olympus_Mons" }, "timeZone" },
        { Valid() with { TimeZone = new string('A', 65) }, "timeZone" },
        { Valid() with { SlotMinutes = null }, "slotMinutes" },
        { Valid() with { SlotMinutes = 4 }, "slotMinutes" },
        { Valid() with { SlotMinutes = 241 }, "slotMinutes" },
        { Valid() with { WeeklyAvailability = null }, "weeklyAvailability" },
        { Valid() with { WeeklyAvailability = Periods(51) }, "weeklyAvailability" },
        { Valid() with { WeeklyAvailability = [null] }, First },
        { One("Mon", "09:00", "12:00"), $"{First}.day" },
        { One("1", "09:00", "12:00"), $"{First}.day" },
        { One("None", "09:00", "12:00"), $"{First}.day" },
        { One("Monday", "9:00", "12:00"), $"{First}.start" },
        { One("Monday", "09:00", "24:00"), $"{First}.end" },
        { One("Monday", "09:00", null), $"{First}.end" },
        { One("Monday", "12:00", "09:00"), $"{First}.end" },
        { One("Monday", "09:00", "09:00"), $"{First}.end" },
        { One("Monday", "09:00", "09:20"), $"{First}.end" },
        { One("Monday", "09:10", "12:00"), $"{First}.start" },
        { One("Monday", "08:45", "12:00"), $"{First}.start" },
        { Monday(("09:00", "12:00"), ("11:30", "13:00")), "weeklyAvailability[1].start" },
        { Monday(("08:00", "17:00"), ("10:00", "11:00")), "weeklyAvailability[1].start" },
        { Valid() with { DaysOff = null }, "daysOff" },
        { Valid() with { DaysOff = Enumerable.Repeat<string?>("2027-12-24", 367).ToList() }, "daysOff" },
        { Valid() with { DaysOff = ["2027-12-24", "24/12/2027"] }, "daysOff[1]" },
        { Valid() with { DaysOff = ["1899-12-31"] }, "daysOff[0]" },
        { Valid() with { DaysOff = ["2201-01-01"] }, "daysOff[0]" },
        { Valid() with { DaysOff = [null] }, "daysOff[0]" },
    };

    [Fact]
    public void Validate_aWeekOfPeriodsAndDaysOff_givesTheRules()
    {
        var request = Valid() with { DaysOff = ["2027-12-24", "2027-12-24", "2027-12-31"] };

        var result = AvailabilityValidator.Validate(request);

        Assert.True(result.Succeeded);
        Assert.Equal("Europe/Paris", result.Value.TimeZone.Id);
        Assert.Equal(Duration.FromMinutes(30), result.Value.SlotLength);
        Assert.Equal(3, result.Value.WeeklyAvailability.Count);
        Assert.Equal(
            [new LocalDate(2027, 12, 24), new LocalDate(2027, 12, 31)], result.Value.DaysOff.Order());
    }

    [Fact]
    public void Validate_periodsThatTouch_areAccepted()
    {
        var request = Valid() with
        {
            WeeklyAvailability = [new("Monday", "12:30", "17:00"), new("Monday", "09:00", "12:30")],
        };

        var result = AvailabilityValidator.Validate(request);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_noPeriodsAndNoDaysOff_isAWeekWithoutSlots()
    {
        var request = Valid() with { WeeklyAvailability = [], DaysOff = [] };

        var result = AvailabilityValidator.Validate(request);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Value.WeeklyAvailability);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_oneProblem_reportsExactlyThatField(UpdateAvailabilityRequest request, string field)
    {
        var result = AvailabilityValidator.Validate(request);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Failure.Errors!);
        Assert.Equal(field, error.Key);
        Assert.Single(error.Value);
    }

    [Fact]
    public void Validate_severalProblems_reportsEachOnceAndEchoesNoValue()
    {
        var request = new UpdateAvailabilityRequest(
            "Nowhere/Secret", 1, [new("Someday", "late", "later")], ["someday"]);

        var result = AvailabilityValidator.Validate(request);

        var errors = result.Failure!.Errors!;
        Assert.Equal(
            ["daysOff[0]", "slotMinutes", "timeZone", "weeklyAvailability[0].day",
                "weeklyAvailability[0].end", "weeklyAvailability[0].start"],
            errors.Keys.Order(StringComparer.Ordinal));
        var messages = string.Join(' ', errors.Values.SelectMany(m => m));
        Assert.DoesNotContain("Secret", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("Someday", messages, StringComparison.Ordinal);
    }

    private static UpdateAvailabilityRequest Valid() => new(
        "Europe/Paris",
        30,
        [new("Monday", "08:30", "12:30"), new("Monday", "13:30", "17:30"), new("Tuesday", "08:30", "12:30")],
        ["2027-12-24"]);

    private static List<WeeklyPeriodRequest?> Periods(int count) =>
        Enumerable.Repeat<WeeklyPeriodRequest?>(new("Monday", "09:00", "12:00"), count).ToList();

    private static UpdateAvailabilityRequest One(string? day, string? start, string? end) =>
        Valid() with { WeeklyAvailability = [new(day, start, end)] };

    /// <summary>Periods of one Monday, the second spelt in lower case: weekday names ignore case.</summary>
    private static UpdateAvailabilityRequest Monday(params (string Start, string End)[] periods) =>
        Valid() with
        {
            WeeklyAvailability = periods
                .Select((period, index) => (WeeklyPeriodRequest?)new WeeklyPeriodRequest(
                    index == 0 ? "Monday" : "monday", period.Start, period.End))
                .ToList(),
        };
}
