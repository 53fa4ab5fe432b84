using Clinic.Notifications.Pipeline;
using NodaTime;
using NodaTime.Text;

namespace Clinic.Notifications.Tests.Pipeline;

/// <summary>
/// Quiet hours of 21:00 to 08:00 in the patient's zone. Expectations are UTC instants, so a test that reads a
/// local 08:00 with the wrong offset (DST) or on the wrong date (a zone east of UTC) fails.
/// </summary>
public sealed class QuietHoursTests
{
    private const int Start = 21;
    private const int End = 8;

    [Theory]
    [InlineData("2026-06-11T00:59:00Z")] // 20:59 EDT
    [InlineData("2026-06-11T12:00:00Z")] // 08:00 EDT
    [InlineData("2026-06-11T16:30:00Z")] // 12:30 EDT
    public void NextAllowed_outsideQuietHours_now(string now)
    {
        var instant = At(now);

        var allowed = QuietHours.NextAllowed(instant, Zone("America/New_York"), Start, End);

        Assert.Equal(instant, allowed);
    }

    [Theory]
    [InlineData("2026-06-11T01:00:00Z", "2026-06-11T12:00:00Z")] // 21:00 EDT: 08:00 the next day
    [InlineData("2026-06-11T03:59:00Z", "2026-06-11T12:00:00Z")] // 23:59 EDT: 08:00 the next day
    [InlineData("2026-06-11T04:00:00Z", "2026-06-11T12:00:00Z")] // 00:00 EDT: 08:00 the same day
    [InlineData("2026-06-11T11:59:00Z", "2026-06-11T12:00:00Z")] // 07:59 EDT: 08:00 the same day
    public void NextAllowed_insideQuietHours_eightOClockLocal(string now, string expected)
    {
        var allowed = QuietHours.NextAllowed(At(now), Zone("America/New_York"), Start, End);

        Assert.Equal(At(expected), allowed);
    }

    [Theory]
    // Sunday 8 March 2026, 02:00 EST becomes 03:00 EDT: the night is an hour shorter.
    [InlineData("America/New_York", "2026-03-08T03:00:00Z", "2026-03-08T12:00:00Z")] // 22:00 EST
    [InlineData("America/New_York", "2026-03-08T07:30:00Z", "2026-03-08T12:00:00Z")] // 03:30 EDT
    // Sunday 29 March 2026, 02:00 CET becomes 03:00 CEST.
    [InlineData("Europe/Paris", "2026-03-28T22:00:00Z", "2026-03-29T06:00:00Z")] // 23:00 CET
    [InlineData("Europe/Paris", "2026-03-29T01:30:00Z", "2026-03-29T06:00:00Z")] // 03:30 CEST
    public void NextAllowed_springForwardNight_eightOClockInSummerTime(
        string zone, string now, string expected)
    {
        var allowed = QuietHours.NextAllowed(At(now), Zone(zone), Start, End);

        Assert.Equal(At(expected), allowed);
    }

    [Theory]
    // Sunday 1 November 2026, 02:00 EDT becomes 01:00 EST: the night is an hour longer, 01:30 happens twice.
    [InlineData("America/New_York", "2026-11-01T02:00:00Z", "2026-11-01T13:00:00Z")] // 22:00 EDT
    [InlineData("America/New_York", "2026-11-01T05:30:00Z", "2026-11-01T13:00:00Z")] // 01:30 EDT, the first
    [InlineData("America/New_York", "2026-11-01T06:30:00Z", "2026-11-01T13:00:00Z")] // 01:30 EST, the second
    // Sunday 25 October 2026, 03:00 CEST becomes 02:00 CET.
    [InlineData("Europe/Paris", "2026-10-24T21:00:00Z", "2026-10-25T07:00:00Z")] // 23:00 CEST
    [InlineData("Europe/Paris", "2026-10-25T00:30:00Z", "2026-10-25T07:00:00Z")] // 02:30 CEST, the first
    [InlineData("Europe/Paris", "2026-10-25T01:30:00Z", "2026-10-25T07:00:00Z")] // 02:30 CET, the second
    public void NextAllowed_fallBackNight_eightOClockInWinterTime(string zone, string now, string expected)
    {
        var allowed = QuietHours.NextAllowed(At(now), Zone(zone), Start, End);

        Assert.Equal(At(expected), allowed);
    }

    [Theory]
    // Tokyo is UTC+9: its 21:00 and its early morning both fall on the UTC date before the local one.
    [InlineData("2026-06-10T12:00:00Z", "2026-06-10T23:00:00Z")] // 21:00 on 10 June: 08:00 on 11 June
    [InlineData("2026-06-10T15:30:00Z", "2026-06-10T23:00:00Z")] // 00:30 on 11 June: 08:00 that day
    [InlineData("2026-06-10T22:59:00Z", "2026-06-10T23:00:00Z")] // 07:59 on 11 June: 08:00 that day
    public void NextAllowed_zoneEastOfUtc_localDateNotUtcDate(string now, string expected)
    {
        var allowed = QuietHours.NextAllowed(At(now), Zone("Asia/Tokyo"), Start, End);

        Assert.Equal(At(expected), allowed);
    }

    [Fact]
    public void NextAllowed_tokyoAtEightLocal_now()
    {
        var now = At("2026-06-10T23:00:00Z");

        var allowed = QuietHours.NextAllowed(now, Zone("Asia/Tokyo"), Start, End);

        Assert.Equal(now, allowed);
    }

    private static Instant At(string text) => InstantPattern.General.Parse(text).Value;

    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];
}
