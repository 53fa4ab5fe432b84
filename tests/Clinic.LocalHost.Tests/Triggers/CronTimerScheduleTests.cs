using Clinic.LocalHost.Triggers;

namespace Clinic.LocalHost.Tests.Triggers;

public sealed class CronTimerScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void NextAfter_everySecond_isTheNextWholeSecond()
    {
        var schedule = CronTimerSchedule.Parse("* * * * * *", "Tick");

        var after = new DateTimeOffset(2025, 5, 1, 10, 0, 0, 250, TimeSpan.Zero);

        var next = schedule.NextAfter(after, TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2025, 5, 1, 10, 0, 1, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextAfter_anOccurrence_isStrictlyLater()
    {
        var schedule = CronTimerSchedule.Parse("0 */5 * * * *", "EveryFiveMinutes");
        var occurrence = new DateTimeOffset(2025, 5, 1, 10, 5, 0, TimeSpan.Zero);

        var next = schedule.NextAfter(occurrence, TimeZoneInfo.Utc);

        Assert.Equal(occurrence.AddMinutes(5), next);
    }

    [Fact]
    public void NextAfter_inAZoneWithAnOffset_readsTheZonesWallClock()
    {
        var schedule = CronTimerSchedule.Parse("0 0 9 * * *", "Morning");

        var next = schedule.NextAfter(new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero), Berlin);

        Assert.Equal(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)), next);
    }

    [Fact]
    public void NextAfter_inAnHourSkippedBySpringForward_takesTheNextDay()
    {
        var schedule = CronTimerSchedule.Parse("0 30 2 * * *", "Night");

        var midnight = new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.FromHours(1));

        var next = schedule.NextAfter(midnight, Berlin);

        Assert.Equal(new DateTimeOffset(2025, 3, 31, 2, 30, 0, TimeSpan.FromHours(2)), next);
    }

    [Fact]
    public void NextAfter_inAnHourRepeatedByFallBack_runsItOnce()
    {
        var schedule = CronTimerSchedule.Parse("0 30 2 * * *", "Night");
        var before = new DateTimeOffset(2025, 10, 26, 0, 0, 0, TimeSpan.FromHours(2));

        var first = schedule.NextAfter(before, Berlin);
        var second = schedule.NextAfter(first, Berlin);

        Assert.Equal(new DateTime(2025, 10, 26, 2, 30, 0), first.DateTime);
        Assert.Equal(new DateTime(2025, 10, 27, 2, 30, 0), TimeZoneInfo.ConvertTime(second, Berlin).DateTime);
    }

    [Fact]
    public void NextAfter_aScheduleWithoutOccurrences_isMaxValue()
    {
        var schedule = CronTimerSchedule.Parse("0 0 0 30 2 *", "Never");

        var next = schedule.NextAfter(DateTimeOffset.UtcNow, TimeZoneInfo.Utc);

        Assert.Equal(DateTimeOffset.MaxValue, next);
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("00:05:00")]
    [InlineData("0 0 25 * * *")]
    public void Parse_anythingButAValidSixFieldExpression_namesTheFunction(string expression)
    {
        var failure = Assert.Throws<InvalidOperationException>(
            () => CronTimerSchedule.Parse(expression, "Tick"));

        Assert.Contains("Tick", failure.Message, StringComparison.Ordinal);
    }
}
