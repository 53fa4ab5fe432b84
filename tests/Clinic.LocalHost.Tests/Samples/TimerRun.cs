using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

/// <summary>
/// One run of a timer function: when it ran (wall clock, like the schedule) and what it was told.
/// </summary>
public sealed record TimerRun(
    DateTime Started, DateTime Ended, bool IsPastDue, DateTime Last, DateTime Next, DateTime LastUpdated)
{
    public static TimerRun Of(TimerInfo timer, DateTime started) =>
        new(started, DateTime.Now, timer.IsPastDue, timer.ScheduleStatus!.Last, timer.ScheduleStatus.Next,
            timer.ScheduleStatus.LastUpdated);
}
