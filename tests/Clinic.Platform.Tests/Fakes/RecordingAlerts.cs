using Clinic.Platform.Alerts;

namespace Clinic.Platform.Tests.Fakes;

/// <summary>
/// Keeps the event name of every alert raised, once-only alerts included. Linked into other test projects.
/// </summary>
internal sealed class RecordingAlerts : IAlertSink
{
    private readonly List<string> _raised = [];

    public IReadOnlyList<string> Raised
    {
        get
        {
            lock (_raised)
                return _raised.ToList();
        }
    }

    public void Raise(AlertSeverity severity, string eventName, string summary, string? correlationId)
    {
        lock (_raised)
            _raised.Add(eventName);
    }

    public void RaiseOnce(
        AlertSeverity severity,
        string eventName,
        string summary,
        string? correlationId,
        string occurrence,
        DateTimeOffset raisedAt) =>
        Raise(severity, eventName, summary, correlationId);
}
