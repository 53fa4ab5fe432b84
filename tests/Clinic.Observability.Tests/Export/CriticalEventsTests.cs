using Clinic.Platform.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Observability.Tests.Export;

public sealed class CriticalEventsTests
{
    private static readonly CriticalEvents Defaults = new(new TelemetryOptions());

    [Theory]
    [InlineData("AccessDenied")]
    [InlineData("UnhandledException")]
    [InlineData("FunctionWithoutPolicy")]
    [InlineData("CircuitOpened")]
    [InlineData("PaymentFailed")]
    [InlineData("NotificationDeadLettered")]
    [InlineData("AlertRaised")]
    public void IsCritical_builtInNameAtWarning_isTrue(string name)
    {
        var critical = Defaults.IsCritical("Some.Library", LogLevel.Warning, new EventId(7, name));

        Assert.True(critical);
    }

    [Theory]
    [InlineData(LogLevel.Error)]
    [InlineData(LogLevel.Critical)]
    public void IsCritical_errorOrAbove_isTrueWhateverTheEvent(LogLevel level)
    {
        var critical = Defaults.IsCritical("Microsoft.AspNetCore.Server.Kestrel", level, new EventId(0));

        Assert.True(critical);
    }

    [Theory]
    [InlineData(LogLevel.Information, 3001, "UserSignedIn")]
    [InlineData(LogLevel.Information, 3010, "UserRoleAssigned")]
    [InlineData(LogLevel.Information, 2001, "AppointmentBooked")]
    [InlineData(LogLevel.Warning, 2010, "SlotConflict")]
    public void IsCritical_routineModuleEvent_isFalse(LogLevel level, int id, string name)
    {
        var critical = Defaults.IsCritical("Clinic.Users", level, new EventId(id, name));

        Assert.False(critical);
    }

    [Fact]
    public void IsCritical_platformIdWithoutName_isTrueOnlyInTheAppsCategories()
    {
        var inApp = Defaults.IsCritical("Clinic.Platform.Identity.AccessGate", LogLevel.Warning, 1010);
        var inLibrary = Defaults.IsCritical("Microsoft.AspNetCore.Routing", LogLevel.Warning, 1010);

        Assert.True(inApp);
        Assert.False(inLibrary);
    }

    [Fact]
    public void AddCriticalEvents_moduleName_isCritical()
    {
        var services = new ServiceCollection();
        services.AddClinicTelemetry(new ConfigurationBuilder().Build());
        services.AddCriticalEvents("AdminServiceRefused");
        using var provider = services.BuildServiceProvider();

        var events = provider.GetRequiredService<CriticalEvents>();

        Assert.True(
            events.IsCritical("Clinic.Users", LogLevel.Warning, new EventId(3020, "AdminServiceRefused")));
    }

    [Fact]
    public void CriticalEventNames_fromSettings_areCritical()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telemetry:CriticalEventNames:0"] = "UntrustedPrincipalDropped",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddClinicTelemetry(configuration);
        using var provider = services.BuildServiceProvider();

        var events = provider.GetRequiredService<CriticalEvents>();

        var dropped = new EventId(1102, "UntrustedPrincipalDropped");
        Assert.True(events.IsCritical("Clinic.LocalHost", LogLevel.Warning, dropped));
    }

    [Fact]
    public void TelemetryOptions_immediateDelayOfOneSecond_isRefused()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telemetry:ImmediateExportDelay"] = "00:00:01",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddClinicTelemetry(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<TelemetryOptions>>().Value);

        Assert.Contains("ImmediateExportDelay", error.Message, StringComparison.Ordinal);
    }
}
