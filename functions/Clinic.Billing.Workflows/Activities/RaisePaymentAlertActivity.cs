using Clinic.Billing.Workflows.Contracts;
using Clinic.Platform.Alerts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>Raises a critical alert for a payment or refund that failed for good; ids and codes only.</summary>
public sealed class RaisePaymentAlertActivity(IAlertSink alerts) : TaskActivity<BillingAlertInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, BillingAlertInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        alerts.Raise(AlertSeverity.Critical, input.EventName,
            $"Invoice {input.InvoiceId}: {input.EventName} ({input.FailureCode})", input.CorrelationId);
        return Task.FromResult(true);
    }
}
