using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Alerts;

/// <summary>
/// Takes alerts from any code path at once: logs the critical AlertRaised event (exported in real time to
/// Application Insights, where alert rules watch it) and queues the alert for the alerts table.
/// </summary>
public sealed partial class AlertQueue(TimeProvider time, ILogger<AlertQueue> logger) : IAlertSink
{
    private readonly Channel<Alert> _pending = Channel.CreateBounded<Alert>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    internal ChannelReader<Alert> Pending => _pending.Reader;

    public void Raise(AlertSeverity severity, string eventName, string summary, string? correlationId)
    {
        var raisedAt = time.GetUtcNow();
        Queue(new Alert(AlertIds.New(raisedAt), severity, eventName, summary, correlationId, raisedAt));
    }

    public void RaiseOnce(
        AlertSeverity severity,
        string eventName,
        string summary,
        string? correlationId,
        string occurrence,
        DateTimeOffset raisedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(occurrence);

        Queue(new Alert(
            AlertIds.For(raisedAt, occurrence), severity, eventName, summary, correlationId, raisedAt));
    }

    private void Queue(Alert alert)
    {
        LogAlertRaised(
            logger, alert.Id, alert.Severity, alert.EventName, alert.Summary, alert.CorrelationId ?? "none");
        _pending.Writer.TryWrite(alert);
    }

    [LoggerMessage(1030, LogLevel.Critical,
        "Alert {AlertId} raised ({Severity}): {AlertEvent}: {Summary} (correlation {CorrelationId})",
        EventName = "AlertRaised")]
    private static partial void LogAlertRaised(
        ILogger logger,
        string alertId,
        AlertSeverity severity,
        string alertEvent,
        string summary,
        string correlationId);
}
