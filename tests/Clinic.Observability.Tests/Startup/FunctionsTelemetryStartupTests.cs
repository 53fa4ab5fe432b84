using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using Clinic.Functions;
using Clinic.Observability.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace Clinic.Observability.Tests.Startup;

/// <summary>
/// Builds the Functions worker exactly as Program.cs does, with the chosen package combination (the worker's
/// OpenTelemetry package and the Azure Monitor exporter), and proves that it starts and exports. It stops
/// short of running the host, which needs the Functions runtime's gRPC channel.
/// </summary>
public sealed class FunctionsTelemetryStartupTests
{
    private static readonly ActivitySource Probe = new("Clinic.Observability.Tests");

    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task FunctionsHost_withConnectionString_registersAzureMonitorAndWorkerDefaults()
    {
        await using var ingestion = await IngestionStub.StartAsync();

        using var host = BuildFunctionsHost(ingestion.ConnectionString);

        var exporter = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>();
        Assert.Equal(ingestion.ConnectionString, exporter.CurrentValue.ConnectionString);
        Assert.NotNull(host.Services.GetRequiredService<TracerProvider>());
        Assert.NotNull(host.Services.GetRequiredService<LoggerProvider>());
        var worker = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        Assert.Equal(bool.TrueString, worker.Capabilities["WorkerOpenTelemetryEnabled"]);
    }

    [Fact]
    public async Task FunctionsHost_logAndActivity_reachIngestionEndpoint()
    {
        await using var ingestion = await IngestionStub.StartAsync();
        using var host = BuildFunctionsHost(ingestion.ConnectionString);
        var tracer = host.Services.GetRequiredService<TracerProvider>();
        var logs = host.Services.GetRequiredService<LoggerProvider>();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Clinic.Startup.Probe");
        var marker = Guid.NewGuid().ToString("N");

        ProbeLog.UserSignedIn(logger, marker);
        using (var activity = Probe.StartActivity("startup-probe-" + marker))
            Assert.NotNull(activity);
        logs.ForceFlush();
        tracer.ForceFlush();

        var log = await ingestion.WaitForAsync("User signed in (probe " + marker, DeliveryTimeout);
        var trace = await ingestion.WaitForAsync("startup-probe-" + marker, DeliveryTimeout);
        Assert.NotNull(log);
        Assert.NotNull(trace);
        Assert.EndsWith("/v2.1/track", log.Path, StringComparison.Ordinal);
        Assert.Contains("\"MessageData\"", log.Body, StringComparison.Ordinal);
        Assert.Contains("\"RemoteDependencyData\"", trace.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionsHost_personId_isExportedAsPseudonymNotRaw()
    {
        await using var ingestion = await IngestionStub.StartAsync();
        using var host = BuildFunctionsHost(ingestion.ConnectionString);
        var logs = host.Services.GetRequiredService<LoggerProvider>();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Clinic.Startup.Probe");
        var marker = Guid.NewGuid().ToString("N");
        var patientId = "patient-" + Guid.NewGuid().ToString("N");

        ProbeLog.PatientBooked(logger, patientId, marker);
        logs.ForceFlush();

        // Without redaction turned on, the classified value would be dropped and logged as "(null)".
        var log = await ingestion.WaitForAsync(marker, DeliveryTimeout);
        Assert.NotNull(log);
        Assert.DoesNotContain(patientId, log.Body, StringComparison.Ordinal);
        var message = Assert.Single(log.Messages(), text => text.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain("(null)", message, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Hosting.IHost BuildFunctionsHost(string connectionString)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connectionString,
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Privacy:PseudonymKey"] = Convert.ToBase64String(new byte[32]),
        });

        ClinicFunctionsHost.Configure(builder);
        return builder.Build();
    }
}
