using Clinic.Billing.Application;
using Clinic.Billing.Logging;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>Records the issued refund and writes RefundIssued with its encrypted twin.</summary>
public sealed class MarkRefundedActivity(InvoiceService invoices, BillingEventLog events)
    : TaskActivity<RecordRefundInput, InvoiceStep>
{
    public override async Task<InvoiceStep> RunAsync(TaskActivityContext context, RecordRefundInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var refunded = await invoices.MarkRefundedAsync(input.PatientId, input.InvoiceId, CancellationToken.None);
        if (refunded.Succeeded)
            events.RefundIssued(refunded.Value!, input.RefundReference);
        return InvoiceStep.From(refunded);
    }
}
