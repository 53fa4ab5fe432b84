using Clinic.Notifications.Transport;

namespace Clinic.Notifications.Tests.Transport;

public sealed class StorageNotificationQueueTests
{
    [Theory]
    [InlineData(0.3, 1)]
    [InlineData(1.0, 1)]
    [InlineData(1.2, 2)]
    [InlineData(19.586, 20)]
    [InlineData(600, 600)]
    public void Visibility_delay_wholeSecondsRoundedUp(double delaySeconds, int expectedSeconds)
    {
        var visibility = StorageNotificationQueue.Visibility(TimeSpan.FromSeconds(delaySeconds));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), visibility);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void Visibility_noPositiveDelay_visibleAtOnce(double? delaySeconds)
    {
        var delay = delaySeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;

        Assert.Null(StorageNotificationQueue.Visibility(delay));
    }

    [Fact]
    public void Visibility_beyondStoragesLimit_cappedAtSevenDays()
    {
        var visibility = StorageNotificationQueue.Visibility(TimeSpan.FromDays(30));

        Assert.Equal(StorageNotificationQueue.MaxDelay, visibility);
    }
}
