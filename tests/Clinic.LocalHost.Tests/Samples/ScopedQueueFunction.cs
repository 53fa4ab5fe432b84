using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

public sealed class ScopedQueueFunction(ScopeProbe probe, InvocationRecorder recorder)
{
    public const string Name = "SampleScoped";

    [Function(Name)]
    public Task Run([QueueTrigger("%" + SampleSettings.ScopedQueue + "%")] string message)
    {
        recorder.Record(Name, probe);
        return Task.CompletedTask;
    }
}
