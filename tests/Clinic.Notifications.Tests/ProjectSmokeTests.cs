namespace Clinic.Notifications.Tests;

public sealed class ProjectSmokeTests
{
    [Fact]
    public void Placeholder() => Assert.True(true);
}
