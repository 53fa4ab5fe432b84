using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

public sealed class BytesQueueFunction(InvocationRecorder recorder)
{
    public const string Name = "SampleBytes";

    [Function(Name)]
    public Task Run([QueueTrigger("%" + SampleSettings.BytesQueue + "%")] byte[] body)
    {
        recorder.Record(Name, body);
        return Task.CompletedTask;
    }
}
