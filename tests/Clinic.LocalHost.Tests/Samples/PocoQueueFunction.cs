using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

public sealed class PocoQueueFunction(InvocationRecorder recorder)
{
    public const string Name = "SamplePoco";

    [Function(Name)]
    public Task Run(
        [QueueTrigger("%" + SampleSettings.PocoQueue + "%", Connection = "AzureWebJobsStorage")]
        SampleOrder order,
        CancellationToken cancellationToken)
    {
        recorder.Record(Name, order);
        return Task.CompletedTask;
    }
}
