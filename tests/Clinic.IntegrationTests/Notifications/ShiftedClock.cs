namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// The system clock moved by an offset that the test sets. It runs on at the real pace, so queue visibility,
/// polling and timers behave as they do, while the app reads the hour of day that the test needs.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() =>
        TimeProvider.System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock to the moment nearest now at which <paramref name="zoneId"/> reads
    /// <paramref name="local"/>.</summary>
    public void ShowLocalTime(string zoneId, TimeOnly local)
    {
        var realNow = TimeProvider.System.GetUtcNow();
        var there = TimeZoneInfo.ConvertTime(realNow, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        var wanted = new DateTimeOffset(there.Date + local.ToTimeSpan(), there.Offset);
        if (wanted - realNow > TimeSpan.FromHours(12))
            wanted = wanted.AddDays(-1);
        else if (realNow - wanted > TimeSpan.FromHours(12))
            wanted = wanted.AddDays(1);

        Interlocked.Exchange(ref _offsetTicks, (wanted - realNow).Ticks);
    }
}
