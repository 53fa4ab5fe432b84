using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Clinic.Platform.Observability;

/// <summary>
/// Builds the two paths of one exporter: critical records on a queue drained within
/// <see cref="TelemetryOptions.ImmediateExportDelay"/>, routine records in batches by interval or size.
/// </summary>
internal static class LogExportRoutes
{
    /// <summary>Room for a burst; past it the SDK drops records rather than block the caller.</summary>
    private const int MinimumQueueSize = 2048;

    /// <summary>Critical records that arrive together leave together, up to this many per call.</summary>
    private const int ImmediateBatchSize = 256;

    public static BaseProcessor<LogRecord> Create(
        IServiceProvider services,
        Func<IServiceProvider, LogExportPath, BaseExporter<LogRecord>> exporterFactory)
    {
        var options = services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        var critical = services.GetRequiredService<CriticalEvents>();

        var immediate = Immediate(exporterFactory(services, LogExportPath.Immediate), options);
        var batched = Batched(exporterFactory(services, LogExportPath.Batched), options);
        return new CompositeProcessor<LogRecord>(
        [
            new FilteringLogProcessor(immediate, critical.IsCritical),
            new FilteringLogProcessor(batched, record => !critical.IsCritical(record)),
        ]);
    }

    // Not a simple (synchronous) processor: that would send an HTTP request from the very thread that logged
    // an access denial, under a lock, so a burst of denials or a slow endpoint would stall requests.
    private static BatchLogRecordExportProcessor Immediate(
        BaseExporter<LogRecord> exporter, TelemetryOptions options) => new(
            exporter,
            maxQueueSize: MinimumQueueSize,
            scheduledDelayMilliseconds: Milliseconds(options.ImmediateExportDelay),
            maxExportBatchSize: ImmediateBatchSize);

    private static BatchLogRecordExportProcessor Batched(
        BaseExporter<LogRecord> exporter, TelemetryOptions options) => new(
            exporter,
            maxQueueSize: Math.Max(MinimumQueueSize, options.BatchMaxSize),
            scheduledDelayMilliseconds: Milliseconds(options.BatchExportInterval),
            maxExportBatchSize: options.BatchMaxSize);

    private static int Milliseconds(TimeSpan span) =>
        (int)Math.Clamp(Math.Ceiling(span.TotalMilliseconds), 1, int.MaxValue);
}
