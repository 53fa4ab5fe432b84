using Clinic.LocalHost.Triggers;

namespace Clinic.LocalHost.Tests.Triggers;

public sealed class PollingBackoffTests
{
    [Fact]
    public void Next_afterEmptyPolls_growsToTheMaximumAndNeverBeyond()
    {
        var backoff = new PollingBackoff(TimeSpan.FromSeconds(1));

        var waits = Enumerable.Range(0, 8).Select(_ => backoff.Next()).ToList();

        Assert.InRange(waits[0], PollingBackoff.Minimum * 0.8, PollingBackoff.Minimum);
        Assert.All(waits, wait => Assert.True(wait <= TimeSpan.FromSeconds(1)));
        Assert.InRange(waits[^1], TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Reset_afterMessagesCame_startsFromTheMinimumAgain()
    {
        var backoff = new PollingBackoff(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++)
            backoff.Next();

        backoff.Reset();

        Assert.InRange(backoff.Next(), PollingBackoff.Minimum * 0.8, PollingBackoff.Minimum);
    }
}
