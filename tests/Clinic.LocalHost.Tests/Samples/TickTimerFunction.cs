using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

public sealed class TickTimerFunction(InvocationRecorder recorder)
{
    public const string Name = "SampleTick";

    [Function(Name)]
    public Task Run([TimerTrigger("%" + SampleSettings.TickSchedule + "%")] TimerInfo timer)
    {
        recorder.Record(Name, TimerRun.Of(timer, DateTime.Now));
        return Task.CompletedTask;
    }
}
