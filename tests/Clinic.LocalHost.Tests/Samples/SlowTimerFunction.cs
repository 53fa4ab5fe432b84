using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

/// <summary>
/// Takes longer than the interval of an every-second schedule, so occurrences pass while it runs.
/// </summary>
public sealed class SlowTimerFunction(InvocationRecorder recorder)
{
    public const string Name = "SampleSlow";

    public static readonly TimeSpan Duration = TimeSpan.FromMilliseconds(1500);

    [Function(Name)]
    public async Task Run(
        [TimerTrigger("%" + SampleSettings.SlowSchedule + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        var started = DateTime.Now;
        await Task.Delay(Duration, cancellationToken);
        recorder.Record(Name, TimerRun.Of(timer, started));
    }
}
