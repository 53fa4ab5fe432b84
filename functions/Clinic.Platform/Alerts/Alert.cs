namespace Clinic.Platform.Alerts;

/// <summary>
/// Something an admin must look at. It names the event and a plain summary, never personal data; the
/// correlation id leads to the logs of the request that raised it.
/// </summary>
public sealed record Alert(
    string Id,
    AlertSeverity Severity,
    string EventName,
    string Summary,
    string? CorrelationId,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt = null,
    string? AcknowledgedBy = null);
