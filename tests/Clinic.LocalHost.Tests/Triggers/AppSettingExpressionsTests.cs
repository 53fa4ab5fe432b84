using Clinic.LocalHost.Triggers;
using Microsoft.Extensions.Configuration;

namespace Clinic.LocalHost.Tests.Triggers;

public sealed class AppSettingExpressionsTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:EmailQueue"] = "notify-email",
            ["Prefix"] = "dev",
        })
        .Build();

    [Theory]
    [InlineData("%Notifications:EmailQueue%", "notify-email")]
    [InlineData("%Prefix%-%Notifications:EmailQueue%", "dev-notify-email")]
    [InlineData("literal-name", "literal-name")]
    public void Resolve_settingNames_areReplacedByTheirValues(string value, string expected)
    {
        var resolved = AppSettingExpressions.Resolve(value, Configuration, "SendEmail");

        Assert.Equal(expected, resolved);
    }

    [Fact]
    public void Resolve_aMissingSetting_namesFunctionAndSetting()
    {
        var failure = Assert.Throws<InvalidOperationException>(
            () => AppSettingExpressions.Resolve("%Missing:Queue%", Configuration, "SendEmail"));

        Assert.Contains("SendEmail", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Missing:Queue", failure.Message, StringComparison.Ordinal);
    }
}
