using System.Collections.Concurrent;
using Clinic.Platform.Alerts;

namespace Clinic.Billing.Workflows.Tests.Fakes;

internal sealed class RecordingAlertSink : IAlertSink
{
    private readonly ConcurrentQueue<RaisedAlert> _raised = new();

    public IReadOnlyList<RaisedAlert> Raised => _raised.ToArray();

    public void Raise(AlertSeverity severity, string eventName, string summary, string? correlationId) =>
        _raised.Enqueue(new RaisedAlert(severity, eventName, summary, correlationId));

    public void RaiseOnce(
        AlertSeverity severity,
        string eventName,
        string summary,
        string? correlationId,
        string occurrence,
        DateTimeOffset raisedAt) =>
        _raised.Enqueue(new RaisedAlert(severity, eventName, summary, correlationId));
}
