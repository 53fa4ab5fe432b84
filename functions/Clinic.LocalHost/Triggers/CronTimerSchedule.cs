using NCrontab;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// A timer trigger's NCRONTAB schedule with six fields (seconds first), as Azure Functions reads it,
/// evaluated in the wall-clock time of a time zone. An occurrence in an hour that a daylight-saving change
/// skips does not happen; one in an hour that the change repeats happens once.
/// </summary>
public sealed class CronTimerSchedule
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    private readonly CrontabSchedule _schedule;

    private CronTimerSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public string Expression { get; }

    public static CronTimerSchedule Parse(string expression, string functionName)
    {
        ArgumentNullException.ThrowIfNull(expression);

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var schedule = fields.Length == 6
            ? CrontabSchedule.TryParse(expression, WithSeconds)
            : null;
        return schedule is null
            ? throw new InvalidOperationException(
                $"Function {functionName}: '{expression}' is not a six-field NCRONTAB schedule " +
                "(second minute hour day month day-of-week); the local host runs no other kind.")
            : new CronTimerSchedule(expression, schedule);
    }

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>; MaxValue if there is none.
    /// </summary>
    public DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);

        var wallClock = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        while (true)
        {
            var candidate = _schedule.GetNextOccurrence(wallClock);
            if (candidate == DateTime.MaxValue)
                return DateTimeOffset.MaxValue;

            // Skipped by a daylight-saving change, or the earlier instant of a repeated hour: look further.
            if (!zone.IsInvalidTime(candidate)
                && new DateTimeOffset(candidate, zone.GetUtcOffset(candidate)) is var instant
                && instant > after)
            {
                return instant;
            }

            wallClock = candidate;
        }
    }
}
