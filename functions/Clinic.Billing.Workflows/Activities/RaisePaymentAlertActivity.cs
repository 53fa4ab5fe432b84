using Clinic.Billing.Workflows.Contracts;
using Clinic.Platform.Alerts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>
/// Raises a critical alert for a payment or refund that failed for good; ids and codes only. An activity
/// runs at least once, not exactly once (a worker that stops before its result is recorded runs it again),
/// so the alert is named by the orchestration, the event and the orchestration's time: a repeated run raises
/// the same alert, which is stored once.
/// </summary>
public sealed class RaisePaymentAlertActivity(IAlertSink alerts) : TaskActivity<BillingAlertInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, BillingAlertInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var summary = $"Invoice {input.InvoiceId}: {input.EventName} ({input.FailureCode})";
        if (input.RaisedAt is { } raisedAt)
        {
            alerts.RaiseOnce(AlertSeverity.Critical, input.EventName, summary, input.CorrelationId,
                $"{input.CorrelationId}/{input.EventName}", raisedAt);
        }
        else
        {
            alerts.Raise(AlertSeverity.Critical, input.EventName, summary, input.CorrelationId);
        }

        return Task.FromResult(true);
    }
}
