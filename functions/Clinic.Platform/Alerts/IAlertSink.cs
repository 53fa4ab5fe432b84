namespace Clinic.Platform.Alerts;

/// <summary>Raises alerts without ever blocking or failing the caller's own work.</summary>
public interface IAlertSink
{
    void Raise(AlertSeverity severity, string eventName, string summary, string? correlationId);

    /// <summary>
    /// Raises the alert of one occurrence of something, for a step that may run more than once (a retried
    /// durable activity): its id follows from <paramref name="occurrence"/> and <paramref name="raisedAt"/>,
    /// so raising it again names the same alert, which the alerts table stores once. Each raise still logs
    /// AlertRaised, with that same id.
    /// </summary>
    void RaiseOnce(
        AlertSeverity severity,
        string eventName,
        string summary,
        string? correlationId,
        string occurrence,
        DateTimeOffset raisedAt);
}
