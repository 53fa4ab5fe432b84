using Clinic.Platform.Observability;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Clinic.Observability.Tests.Support;

/// <summary>
/// An in-memory exporter for one export path. The SDK's in-memory exporter keeps the log records themselves,
/// which the SDK pools and reuses once a batch is exported, so this one copies what the tests look at.
/// </summary>
public sealed class CapturingLogExporter(LogExportPath path, CapturedLogs sink) : BaseExporter<LogRecord>
{
    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        foreach (var record in batch)
        {
            var (category, level, eventId, message) =
                (record.CategoryName, record.LogLevel, record.EventId, record.FormattedMessage);
            sink.Add(exportedAt => new CapturedLog(path, category, level, eventId, message, exportedAt));
        }

        return ExportResult.Success;
    }
}
