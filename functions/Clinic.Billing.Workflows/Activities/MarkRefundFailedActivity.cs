using Clinic.Billing.Application;
using Clinic.Billing.Logging;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>The refund was refused or never answered: the invoice is paid again, with the code.</summary>
public sealed class MarkRefundFailedActivity(InvoiceService invoices, BillingEventLog events)
    : TaskActivity<RecordFailureInput, InvoiceStep>
{
    public override async Task<InvoiceStep> RunAsync(TaskActivityContext context, RecordFailureInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var failed = await invoices.MarkRefundFailedAsync(
            input.PatientId, input.InvoiceId, input.FailureCode, CancellationToken.None);
        if (failed.Succeeded)
            events.RefundFailed(failed.Value!, input.FailureCode);
        return InvoiceStep.From(failed);
    }
}
