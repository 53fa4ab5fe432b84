using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Clinic.Platform.Observability;

/// <summary>
/// What differs between the hosts that call <c>AddClinicTelemetry</c>: whether incoming HTTP requests are
/// traced here, and further log exporters (an in-memory one in tests, a console one on a laptop).
/// </summary>
public sealed class TelemetrySetup
{
    private readonly List<Func<IServiceProvider, LogExportPath, BaseExporter<LogRecord>>> _logExporters = [];

    /// <summary>
    /// Whether ASP.NET Core's incoming requests become request telemetry. The Functions host already records
    /// every invocation as a request, so the worker turns this off to avoid counting each request twice; the
    /// local host, which has no Functions host in front of it, keeps it on.
    /// </summary>
    public bool TraceIncomingRequests { get; set; } = true;

    internal IReadOnlyList<Func<IServiceProvider, LogExportPath, BaseExporter<LogRecord>>> LogExporters =>
        _logExporters;

    /// <summary>
    /// Adds a log exporter to both paths. The factory is called once per <see cref="LogExportPath"/>, and
    /// each instance is owned (flushed, disposed) by that path's processor.
    /// </summary>
    public TelemetrySetup AddLogExporter(
        Func<IServiceProvider, LogExportPath, BaseExporter<LogRecord>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _logExporters.Add(factory);
        return this;
    }
}
