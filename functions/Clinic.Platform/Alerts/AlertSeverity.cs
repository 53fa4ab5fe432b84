namespace Clinic.Platform.Alerts;

public enum AlertSeverity
{
    Warning,
    Error,
    Critical,
}
