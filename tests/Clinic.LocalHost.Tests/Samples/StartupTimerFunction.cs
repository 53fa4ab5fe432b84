using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

public sealed class StartupTimerFunction(InvocationRecorder recorder)
{
    public const string Name = "SampleStartup";

    [Function(Name)]
    public Task Run(
        [TimerTrigger("%" + SampleSettings.StartupSchedule + "%", RunOnStartup = true, UseMonitor = true)]
        TimerInfo timer,
        CancellationToken cancellationToken)
    {
        recorder.Record(Name, TimerRun.Of(timer, DateTime.Now));
        return Task.CompletedTask;
    }
}
