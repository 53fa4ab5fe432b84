using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

public sealed class TextQueueFunction(InvocationRecorder recorder)
{
    public const string Name = "SampleText";

    [Function(Name)]
    public Task Run(
        [QueueTrigger("%" + SampleSettings.TextQueue + "%", Connection = "AzureWebJobsStorage")] string text,
        string id,
        string popReceipt,
        int dequeueCount,
        DateTimeOffset? insertionTime,
        DateTimeOffset? expirationTime,
        DateTimeOffset? nextVisibleTime)
    {
        recorder.Record(Name, new TextDelivery(
            text, id, popReceipt, dequeueCount, insertionTime, expirationTime, nextVisibleTime));
        return Task.CompletedTask;
    }
}
