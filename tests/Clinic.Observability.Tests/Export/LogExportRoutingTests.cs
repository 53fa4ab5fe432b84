using Clinic.Observability.Tests.Support;
using Clinic.Platform.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Clinic.Observability.Tests.Export;

/// <summary>
/// The two export paths, observed through a capturing exporter plugged into both: critical records leave
/// within a second with no flush; routine ones wait for the batch interval or for a full batch.
/// </summary>
public sealed class LogExportRoutingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task CriticalRecord_withoutFlush_isExportedWithinOneSecond()
    {
        var captured = new CapturedLogs();
        using var provider = BuildProvider(captured, batchInterval: "00:00:05", batchSize: "500");
        var logger = Logger(provider, "Clinic.Platform.Identity.AccessGate");
        var marker = Guid.NewGuid().ToString("N");

        var loggedAt = captured.Now;
        ProbeLog.AccessDenied(logger, "ListUsers", marker);
        var exported = await captured.WaitForAsync(log => Mentions(log, marker), TimeSpan.FromSeconds(3));

        Assert.NotNull(exported);
        Assert.Equal(LogExportPath.Immediate, exported.Path);
        var delay = exported.ExportedAt - loggedAt;
        Assert.True(delay < Deadline, $"exported after {delay}");
    }

    [Fact]
    public async Task RoutineRecord_beforeBatchInterval_isNotExportedThenIsAfterIt()
    {
        var captured = new CapturedLogs();
        using var provider = BuildProvider(captured, batchInterval: "00:00:05", batchSize: "500");
        var logger = Logger(provider, "Clinic.Users.Application.RoleAssignmentService");
        var marker = Guid.NewGuid().ToString("N");

        var loggedAt = captured.Now;
        ProbeLog.UserSignedIn(logger, marker);
        var early = await captured.WaitForAsync(log => Mentions(log, marker), Deadline);
        var late = await captured.WaitForAsync(log => Mentions(log, marker), TimeSpan.FromSeconds(8));

        Assert.Null(early);
        Assert.NotNull(late);
        Assert.Equal(LogExportPath.Batched, late.Path);
        Assert.True(late.ExportedAt - loggedAt >= Deadline, $"exported after {late.ExportedAt - loggedAt}");
    }

    [Fact]
    public async Task RoutineRecords_reachingBatchSize_areExportedBeforeInterval()
    {
        var captured = new CapturedLogs();
        using var provider = BuildProvider(captured, batchInterval: "00:01:00", batchSize: "10");
        var logger = Logger(provider, "Clinic.Scheduling.Application.BookingService");
        var marker = Guid.NewGuid().ToString("N");

        for (var number = 1; number <= 9; number++)
            ProbeLog.AppointmentBooked(logger, marker, number);
        var beforeFull = await captured.WaitForAsync(log => Mentions(log, marker), Deadline);
        ProbeLog.AppointmentBooked(logger, marker, 10);
        var full = await captured.WaitForAsync(_ => Count(captured, marker) == 10, TimeSpan.FromSeconds(3));

        Assert.Null(beforeFull);
        Assert.NotNull(full);
        Assert.All(captured.All, log => Assert.Equal(LogExportPath.Batched, log.Path));
    }

    [Fact]
    public async Task CriticalRecord_afterFlush_isExportedOnceNotAlsoBatched()
    {
        var captured = new CapturedLogs();
        using var provider = BuildProvider(captured, batchInterval: "00:00:05", batchSize: "500");
        var logger = Logger(provider, "Clinic.Platform.Identity.AccessGate");
        var marker = Guid.NewGuid().ToString("N");

        ProbeLog.AccessDenied(logger, "AssignRoles", marker);
        await captured.WaitForAsync(log => Mentions(log, marker), TimeSpan.FromSeconds(3));
        provider.GetRequiredService<LoggerProvider>().ForceFlush();

        var exported = Assert.Single(captured.All, log => Mentions(log, marker));
        Assert.Equal(LogExportPath.Immediate, exported.Path);
    }

    private static ServiceProvider BuildProvider(
        CapturedLogs captured, string batchInterval, string batchSize)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telemetry:BatchExportInterval"] = batchInterval,
                ["Telemetry:BatchMaxSize"] = batchSize,
            })
            .Build();

        var services = new ServiceCollection();
        services.AddClinicTelemetry(
            configuration,
            setup => setup.AddLogExporter((_, path) => new CapturingLogExporter(path, captured)));
        var provider = services.BuildServiceProvider();

        // Resolving the factory builds the logger provider, which starts both export queues.
        provider.GetRequiredService<ILoggerFactory>();
        return provider;
    }

    private static ILogger Logger(ServiceProvider provider, string category) =>
        provider.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    private static bool Mentions(CapturedLog log, string marker) =>
        log.Message?.Contains(marker, StringComparison.Ordinal) == true;

    private static int Count(CapturedLogs captured, string marker) =>
        captured.All.Count(log => Mentions(log, marker));
}
