using Clinic.Billing.Application;
using Clinic.Billing.Domain;
using Clinic.Billing.Logging;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>Marks a paid invoice refund-pending; one already refunded is reported as refunded, unchanged.</summary>
public sealed class MarkRefundPendingActivity(InvoiceService invoices, BillingEventLog events)
    : TaskActivity<InvoiceRef, InvoiceStep>
{
    public override async Task<InvoiceStep> RunAsync(TaskActivityContext context, InvoiceRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var current = await invoices.GetForPatientAsync(input.PatientId, input.InvoiceId, CancellationToken.None);
        if (current.Succeeded && current.Value!.Status == InvoiceStatus.Refunded)
            return InvoiceStep.From(current);

        var pending = await invoices.MarkRefundPendingAsync(
            input.PatientId, input.InvoiceId, null, CancellationToken.None);
        if (pending.Succeeded)
            events.RefundRequested(pending.Value!);
        return InvoiceStep.From(pending);
    }
}
