using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

/// <summary>
/// Functions the local host must refuse at start-up. Internal, so hosts that run this assembly do not find
/// them; tests hand them to the catalog one by one.
/// </summary>
internal sealed class UnrunnableFunctions
{
    [Function("SampleUnbindable")]
    public Task Unbindable([QueueTrigger("unbindable")] string message, HttpClient client) =>
        Task.CompletedTask;

    [Function("SampleWithOutput")]
    public Task<string> WithOutput([QueueTrigger("with-output")] string message) => Task.FromResult(message);

    [Function("SampleTimerWithText")]
    public Task TimerWithText([TimerTrigger(SampleSettings.EverySecond)] string timer) => Task.CompletedTask;
}
