using Clinic.Billing.Application;
using Clinic.Billing.Domain;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>Marks the invoice payment-pending; an invoice already paid is reported as paid, unchanged.</summary>
public sealed class MarkPaymentPendingActivity(InvoiceService invoices) : TaskActivity<InvoiceRef, InvoiceStep>
{
    public override async Task<InvoiceStep> RunAsync(TaskActivityContext context, InvoiceRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var current = await invoices.GetForPatientAsync(input.PatientId, input.InvoiceId, CancellationToken.None);
        if (current.Succeeded && current.Value!.Status == InvoiceStatus.Paid)
            return InvoiceStep.From(current);

        var pending = await invoices.MarkPaymentPendingAsync(input.PatientId, input.InvoiceId, CancellationToken.None);
        return InvoiceStep.From(pending);
    }
}
