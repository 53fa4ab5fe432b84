using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

/// <summary>
/// Always fails, with an exception message that quotes the message, as careless code might.
/// </summary>
public sealed class FailingQueueFunction(InvocationRecorder recorder)
{
    public const string Name = "SampleFailing";

    [Function(Name)]
    public async ValueTask Run(
        [QueueTrigger("%" + SampleSettings.FailingQueue + "%")] string message, long dequeueCount)
    {
        recorder.Record(Name, new Attempt(message, dequeueCount, DateTimeOffset.UtcNow, Succeeded: false));
        await Task.Yield();
        throw new InvalidOperationException($"Refused the message {message}");
    }
}
