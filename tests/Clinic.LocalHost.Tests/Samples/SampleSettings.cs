namespace Clinic.LocalHost.Tests.Samples;

/// <summary>
/// The app settings that the sample functions name with <c>%Setting%</c>. Every test host gets queues of its
/// own, and every timer a schedule that never comes, unless a test asks for another.
/// </summary>
public static class SampleSettings
{
    public const string PocoQueue = "Samples:PocoQueue";
    public const string TextQueue = "Samples:TextQueue";
    public const string BytesQueue = "Samples:BytesQueue";
    public const string FlakyQueue = "Samples:FlakyQueue";
    public const string FailingQueue = "Samples:FailingQueue";
    public const string ScopedQueue = "Samples:ScopedQueue";
    public const string TickSchedule = "Samples:TickSchedule";
    public const string StartupSchedule = "Samples:StartupSchedule";
    public const string SlowSchedule = "Samples:SlowSchedule";
    public const string FailingSchedule = "Samples:FailingSchedule";

    /// <summary>The 30th of February: a valid schedule without occurrences.</summary>
    public const string Never = "0 0 0 30 2 *";

    public const string EverySecond = "* * * * * *";

    public static Dictionary<string, string?> Create()
    {
        // Upper case on purpose: the host lower-cases queue names, as the Functions host does.
        var prefix = "T" + Guid.NewGuid().ToString("N")[..10];
        return new Dictionary<string, string?>
        {
            [PocoQueue] = prefix + "-poco",
            [TextQueue] = prefix + "-text",
            [BytesQueue] = prefix + "-bytes",
            [FlakyQueue] = prefix + "-flaky",
            [FailingQueue] = prefix + "-failing",
            [ScopedQueue] = prefix + "-scoped",
            [TickSchedule] = Never,
            [StartupSchedule] = Never,
            [SlowSchedule] = Never,
            [FailingSchedule] = Never,
        };
    }
}
