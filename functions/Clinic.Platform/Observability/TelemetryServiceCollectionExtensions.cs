using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Clinic.Platform.Observability;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The Azure SDK's span of an HTTP call; HttpClient's span under it would repeat it.</summary>
    private const string AzureSdkHttpSource = "Azure.Core.Http";

    /// <summary>
    /// Sends every module's logs, metrics, requests, dependencies and exceptions to the Application Insights
    /// named by <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> (nothing is sent without it), and to any exporter
    /// that <paramref name="configure"/> adds. Critical records (<see cref="CriticalEvents"/>) leave within a
    /// second; routine ones are batched (<see cref="TelemetryOptions"/>). Returns the OpenTelemetry builder,
    /// so that a host can add its own defaults, such as the Functions worker's.
    /// </summary>
    public static OpenTelemetryBuilder AddClinicTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<TelemetrySetup>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var setup = new TelemetrySetup();
        configure?.Invoke(setup);
        var connectionString = TelemetryOptions.ConnectionStringFrom(configuration);
        if (connectionString is not null)
        {
            setup.AddLogExporter(
                (provider, _) => new AzureMonitorLogExporter(AzureMonitorOptions(provider)));
        }

        AddOptions(services, configuration, connectionString);

        // Azure SDK clients (Table Storage among them) report their calls as activities only with this on.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

        var telemetry = services.AddOpenTelemetry();
        telemetry.WithLogging(logging => AddLogExport(logging, setup), IncludeDetails);
        telemetry.WithTracing(tracing => AddTracing(tracing, setup, connectionString is not null));
        telemetry.WithMetrics(metrics => AddMetrics(metrics, connectionString is not null));
        return telemetry;
    }

    /// <summary>
    /// Marks a module's events as critical, so they are exported at once rather than batched. Records at
    /// Error and above are critical anyway; this is for warnings that someone must see now, such as refusals.
    /// </summary>
    public static IServiceCollection AddCriticalEvents(
        this IServiceCollection services,
        params string[] eventNames)
    {
        ArgumentNullException.ThrowIfNull(eventNames);

        services.Configure<TelemetryOptions>(options => options.CriticalEventNames.UnionWith(eventNames));
        return services;
    }

    private static void AddOptions(
        IServiceCollection services, IConfiguration configuration, string? connectionString)
    {
        services.AddOptions<TelemetryOptions>()
            .Bind(configuration.GetSection(TelemetryOptions.SectionName))
            .PostConfigure(options => options.ConnectionString ??= connectionString);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.TryAddSingleton(
            provider => new CriticalEvents(provider.GetRequiredService<IOptions<TelemetryOptions>>().Value));

        // Post-configured, so these win over what the exporter reads from the environment by itself.
        services.AddOptions<AzureMonitorExporterOptions>()
            .PostConfigure<IOptions<TelemetryOptions>>(
                (exporter, telemetry) => Apply(telemetry.Value, exporter));
    }

    private static void Apply(TelemetryOptions telemetry, AzureMonitorExporterOptions exporter)
    {
        exporter.ConnectionString = telemetry.ConnectionString;

        // A fixed ratio instead of the exporter's default of 5 traces a second, so that request counts in
        // the workspace are exact (or scaled by a known factor) and KQL over them can be trusted.
        exporter.TracesPerSecond = null;
        exporter.SamplingRatio = telemetry.TraceSamplingRatio;
        exporter.EnableLiveMetrics = false;
        exporter.Retry.NetworkTimeout = telemetry.ExportTimeout;
    }

    // One options instance for every exporter: they share one transmitter per connection string anyway.
    private static AzureMonitorExporterOptions AzureMonitorOptions(IServiceProvider provider) =>
        provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().CurrentValue;

    private static void IncludeDetails(OpenTelemetryLoggerOptions options)
    {
        options.IncludeFormattedMessage = true;
        options.IncludeScopes = true;
        options.ParseStateValues = true;
    }

    private static void AddLogExport(LoggerProviderBuilder logging, TelemetrySetup setup)
    {
        foreach (var exporterFactory in setup.LogExporters)
            logging.AddProcessor(provider => LogExportRoutes.Create(provider, exporterFactory));
    }

    // Every module's meters (the scheduling cache's hits and misses, for one) are named Clinic.*.
    private static void AddMetrics(MeterProviderBuilder metrics, bool exportToAzure)
    {
        metrics.AddMeter("Clinic.*");
        if (exportToAzure)
            metrics.AddAzureMonitorMetricExporter();
    }

    private static void AddTracing(TracerProviderBuilder tracing, TelemetrySetup setup, bool exportToAzure)
    {
        tracing.AddSource("Azure.*", "Clinic.*");
        tracing.AddProcessor(new StorageKeyScrubber());
        tracing.AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage =
            _ => Activity.Current?.Parent?.Source.Name != AzureSdkHttpSource);

        if (setup.TraceIncomingRequests)
            tracing.AddAspNetCoreInstrumentation();

        if (exportToAzure)
            tracing.AddAzureMonitorTraceExporter();
    }
}
