using Clinic.Platform.Observability;
using Microsoft.Extensions.Logging;

namespace Clinic.Observability.Tests.Support;

/// <summary>What an exporter was handed, copied at once: the SDK reuses log records after export.</summary>
public sealed record CapturedLog(
    LogExportPath Path,
    string? Category,
    LogLevel Level,
    EventId EventId,
    string? Message,
    TimeSpan ExportedAt);
