using NodaTime;

namespace Clinic.Notifications.Pipeline;

/// <summary>The hours in which no SMS is sent, in the patient's own zone.</summary>
public static class QuietHours
{
    /// <summary>
    /// When an SMS due at <paramref name="now"/> may go out: now, or the end of the quiet hours it falls in
    /// (the next such hour in that zone, which DST may shift).
    /// </summary>
    public static Instant NextAllowed(Instant now, DateTimeZone zone, int startHour, int endHour)
    {
        ArgumentNullException.ThrowIfNull(zone);

        var local = now.InZone(zone).LocalDateTime;
        var hour = local.Hour;
        var quiet = startHour > endHour ? hour >= startHour || hour < endHour : hour >= startHour && hour < endHour;
        if (!quiet)
            return now;

        var day = hour < endHour ? local.Date : local.Date.PlusDays(1);
        var end = day.At(new LocalTime(endHour, 0));
        return end.InZoneLeniently(zone).ToInstant();
    }
}
