using Microsoft.Extensions.Configuration;

namespace Clinic.Platform.Observability;

/// <summary>
/// How telemetry leaves the app, bound from the <c>Telemetry</c> section. The Application Insights connection
/// string is not in that section: it is the standard <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> setting,
/// which the Functions host reads too, so one app setting serves both processes.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The promise made for critical records: exported within this time of being logged.</summary>
    public static readonly TimeSpan CriticalExportDeadline = TimeSpan.FromSeconds(1);

    /// <summary>How long routine records may wait before their batch is sent.</summary>
    public TimeSpan BatchExportInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A batch of routine records leaves early once this many are waiting.</summary>
    public int BatchMaxSize { get; set; } = 500;

    /// <summary>
    /// The longest a critical record waits on its own queue before the export starts; under the deadline.
    /// Critical records are exported from a background thread, never from the thread that logged them.
    /// </summary>
    public TimeSpan ImmediateExportDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Network timeout of one call to the ingestion endpoint. Records that fail go to the exporter's offline
    /// storage and are retried, so a slow endpoint does not hold up the critical queue for long.
    /// </summary>
    public TimeSpan ExportTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Share of traces (requests, dependencies) kept; 1 keeps all. Logs are never sampled.</summary>
    public float TraceSamplingRatio { get; set; } = 1F;

    /// <summary>Event names exported at once, beyond <see cref="CriticalEvents.BuiltInNames"/>.</summary>
    public ISet<string> CriticalEventNames { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Event ids (of the app's own categories) exported at once, beyond the built-in ones.</summary>
    public ISet<int> CriticalEventIds { get; } = new HashSet<int>();

    /// <summary>From <see cref="ConnectionStringKey"/>; without it nothing goes to Azure.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string in <paramref name="configuration"/>, if there is one.</summary>
    public static string? ConnectionStringFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[ConnectionStringKey] is { Length: > 0 } value ? value : null;
    }

    /// <summary>Why these options cannot be used, or null when they can.</summary>
    public string? Problem() => this switch
    {
        { BatchExportInterval.Ticks: <= 0 } => "Telemetry:BatchExportInterval must be positive.",
        { BatchMaxSize: < 1 or > 10_000 } => "Telemetry:BatchMaxSize must be 1 to 10000.",
        { ImmediateExportDelay.Ticks: <= 0 } => "Telemetry:ImmediateExportDelay must be positive.",
        _ when ImmediateExportDelay >= CriticalExportDeadline =>
            "Telemetry:ImmediateExportDelay must be under one second, the promise made for critical events.",
        { ExportTimeout.Ticks: <= 0 } => "Telemetry:ExportTimeout must be positive.",
        { TraceSamplingRatio: < 0F or > 1F } => "Telemetry:TraceSamplingRatio must be 0 to 1.",
        _ => null,
    };
}
