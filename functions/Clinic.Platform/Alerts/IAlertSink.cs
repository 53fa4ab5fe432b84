namespace Clinic.Platform.Alerts;

/// <summary>Raises alerts without ever blocking or failing the caller's own work.</summary>
public interface IAlertSink
{
    void Raise(AlertSeverity severity, string eventName, string summary, string? correlationId);
}
