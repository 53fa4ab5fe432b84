using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Clinic.Platform.Observability;

/// <summary>
/// Hands a log record to its inner processor only when the predicate accepts it, so two export paths can
/// share one logger provider. It is a composite of one rather than a plain processor for two reasons: the
/// SDK looks inside composites for batch processors and then pools records so that batching is safe, and a
/// composite passes the provider (its resource: service name, cloud role) down to the exporter.
/// </summary>
internal sealed class FilteringLogProcessor(BaseProcessor<LogRecord> inner, Func<LogRecord, bool> predicate)
    : CompositeProcessor<LogRecord>([inner])
{
    public override void OnEnd(LogRecord data)
    {
        if (predicate(data))
            base.OnEnd(data);
    }
}
