using Clinic.LocalHost.Tests.Infrastructure;
using Clinic.LocalHost.Tests.Samples;
using AzuriteProcess = Clinic.IntegrationTests.Infrastructure.AzuriteProcess;

namespace Clinic.LocalHost.Tests.Triggers;

[Collection(AzuriteCollection.Name)]
public sealed class TimerTriggerTests(AzuriteFixture fixture)
{
    private const int TimerFailed = 1171;

    private AzuriteProcess Azurite => fixture.Azurite;

    [Fact]
    public async Task Timer_everySecond_firesEachSecondWithItsScheduleStatus()
    {
        await using var host = await TriggerHost.StartAsync(Azurite, new Dictionary<string, string?>
        {
            [SampleSettings.TickSchedule] = SampleSettings.EverySecond,
        });

        await Eventually.HoldsAsync(
            () => host.Recorder.Of<TimerRun>(TickTimerFunction.Name).Count >= 3, "three runs");

        var runs = host.Recorder.Of<TimerRun>(TickTimerFunction.Name);
        Assert.Equal(default, runs[0].Last);
        Assert.All(runs, run =>
        {
            // Next is the occurrence being run (as in Azure): a whole second, a little before the start.
            Assert.Equal(0, run.Next.Millisecond);
            Assert.InRange(run.Started - run.Next, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        });
        Assert.All(runs.Zip(runs.Skip(1)), pair =>
        {
            var (previous, next) = pair;
            Assert.True(next.Next > previous.Next);
            Assert.InRange(next.Last, previous.Next, previous.Started);
            Assert.Equal(next.Last, next.LastUpdated);
        });
        Assert.False(runs[0].IsPastDue);
        Assert.False(runs[1].IsPastDue);
    }

    [Fact]
    public async Task Timer_runOnStartupWithoutOccurrences_runsOnceAtStart()
    {
        await using var host = await TriggerHost.StartAsync(Azurite);

        await Eventually.HoldsAsync(
            () => host.Recorder.Of<TimerRun>(StartupTimerFunction.Name).Count == 1, "the start-up run");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var run = Assert.Single(host.Recorder.Of<TimerRun>(StartupTimerFunction.Name));
        Assert.False(run.IsPastDue);
        Assert.Equal(default, run.Last);
        Assert.Equal(DateTime.MaxValue, run.Next);
        Assert.Empty(host.Recorder.Of<TimerRun>(TickTimerFunction.Name));
    }

    [Fact]
    public async Task Timer_runLongerThanTheInterval_neverOverlapsAndRunsTheMissedOccurrencePastDue()
    {
        await using var host = await TriggerHost.StartAsync(Azurite, new Dictionary<string, string?>
        {
            [SampleSettings.SlowSchedule] = SampleSettings.EverySecond,
        });

        await Eventually.HoldsAsync(
            () => host.Recorder.Of<TimerRun>(SlowTimerFunction.Name).Count >= 3, "three slow runs");

        var runs = host.Recorder.Of<TimerRun>(SlowTimerFunction.Name);
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.Second.Started >= pair.First.Ended));
        Assert.False(runs[0].IsPastDue);
        Assert.All(runs.Skip(1), run => Assert.True(run.IsPastDue));
    }

    [Fact]
    public async Task Timer_whoseFunctionFails_keepsItsScheduleAndLogsNoExceptionMessage()
    {
        await using var host = await TriggerHost.StartAsync(Azurite, new Dictionary<string, string?>
        {
            [SampleSettings.FailingSchedule] = SampleSettings.EverySecond,
        });

        await Eventually.HoldsAsync(() => host.Events(TimerFailed).Count >= 2, "two failed runs");

        Assert.All(host.Events(TimerFailed), record =>
        {
            Assert.Equal("TimerFunctionFailed", record.Id.Name);
            Assert.Contains(FailingTimerFunction.Name, record.Message, StringComparison.Ordinal);
            Assert.Contains(
                typeof(InvalidOperationException).FullName!, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(FailingTimerFunction.Secret, record.Message, StringComparison.Ordinal);
            Assert.Null(record.Exception);
        });
    }

    [Fact]
    public async Task StartUp_withAFiveFieldSchedule_failsNamingTheFunction()
    {
        await using var host = TriggerHost.Create(Azurite, new Dictionary<string, string?>
        {
            [SampleSettings.TickSchedule] = "*/5 * * * *",
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);

        Assert.Contains(TickTimerFunction.Name, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triggers_whenDisabled_runNothing()
    {
        await using var host = await TriggerHost.StartAsync(Azurite, new Dictionary<string, string?>
        {
            ["LocalHost:Triggers:Enabled"] = "false",
            [SampleSettings.TickSchedule] = SampleSettings.EverySecond,
        });

        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(2, host.Events(1178).Count);
        Assert.Empty(host.Recorder.Of<TimerRun>(StartupTimerFunction.Name));
        Assert.Empty(host.Recorder.Of<TimerRun>(TickTimerFunction.Name));
        Assert.False((await host.Queue(SampleSettings.TextQueue).ExistsAsync()).Value);
    }
}
