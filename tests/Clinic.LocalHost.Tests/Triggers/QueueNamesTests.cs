using Clinic.LocalHost.Triggers;

namespace Clinic.LocalHost.Tests.Triggers;

public sealed class QueueNamesTests
{
    [Theory]
    [InlineData("Notify-Email", "notify-email")]
    [InlineData("abc", "abc")]
    public void Normalize_validNames_areLowerCased(string name, string expected)
    {
        var normalized = QueueNames.Normalize(name, "SendEmail");

        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("a--b")]
    [InlineData("a_b")]
    [InlineData("a-queue-name-that-leaves-no-room-for-the-poison-suffix-xyz")]
    public void Normalize_invalidNames_areRefusedNamingTheFunction(string name)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => QueueNames.Normalize(name, "SendEmail"));

        Assert.Contains("SendEmail", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Poison_ofAQueue_addsTheHostsSuffix()
    {
        var poison = QueueNames.Poison("notify-email");

        Assert.Equal("notify-email-poison", poison);
    }
}
