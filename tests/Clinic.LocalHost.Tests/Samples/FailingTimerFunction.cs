using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Tests.Samples;

/// <summary>Always fails; static, so no instance is built for it.</summary>
public static class FailingTimerFunction
{
    public const string Name = "SampleFailingTimer";

    public const string Secret = "timer-secret-7731";

    [Function(Name)]
    public static void Run([TimerTrigger("%" + SampleSettings.FailingSchedule + "%")] TimerInfo timer) =>
        throw new InvalidOperationException($"Failed while holding {Secret}");
}
