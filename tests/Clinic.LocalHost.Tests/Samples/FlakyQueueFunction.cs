using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

/// <summary>
/// Fails the first two attempts at each message and succeeds on the third; synchronous on purpose.
/// </summary>
public sealed class FlakyQueueFunction(InvocationRecorder recorder)
{
    public const string Name = "SampleFlaky";

    public const int SucceedsOnAttempt = 3;

    [Function(Name)]
    public void Run(
        [QueueTrigger("%" + SampleSettings.FlakyQueue + "%")] BinaryData message, long dequeueCount)
    {
        var succeeded = dequeueCount >= SucceedsOnAttempt;
        recorder.Record(
            Name, new Attempt(message.ToString(), dequeueCount, DateTimeOffset.UtcNow, succeeded));
        if (!succeeded)
            throw new InvalidOperationException("Not yet.");
    }
}
