using Clinic.Platform.Alerts;

namespace Clinic.Billing.Workflows.Tests.Fakes;

internal sealed record RaisedAlert(AlertSeverity Severity, string EventName, string Summary, string? CorrelationId);
