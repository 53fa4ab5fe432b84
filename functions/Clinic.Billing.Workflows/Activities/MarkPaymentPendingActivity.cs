using Clinic.Billing.Application;
using Clinic.Billing.Domain;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>
/// Marks the invoice payment-pending for the attempt; an invoice this attempt already paid is reported as
/// paid, unchanged. This is the guard against a double charge: while another attempt holds the invoice
/// pending, it answers payment-in-progress, and for an invoice paid by another attempt, refunded or void (a
/// race that PayInvoice's read missed) invoice-not-payable; either way the orchestration ends without calling
/// the provider.
/// </summary>
public sealed class MarkPaymentPendingActivity(InvoiceService invoices)
    : TaskActivity<PaymentAttemptRef, InvoiceStep>
{
    public override async Task<InvoiceStep> RunAsync(TaskActivityContext context, PaymentAttemptRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var current = await invoices.GetForPatientAsync(input.PatientId, input.InvoiceId, CancellationToken.None);
        if (current.Succeeded && current.Value!.Status == InvoiceStatus.Paid
            && current.Value.PaymentAttemptId == input.PaymentAttemptId)
        {
            return InvoiceStep.From(current);
        }

        var pending = await invoices.MarkPaymentPendingAsync(
            input.PatientId, input.InvoiceId, input.PaymentAttemptId, CancellationToken.None);
        return InvoiceStep.From(pending);
    }
}
