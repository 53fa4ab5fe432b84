using Clinic.Billing.Application;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>
/// Tells the patient their payment failed. The notification's delivery records are keyed by the invoice's
/// version, so a retried activity queues a message that is sent once.
/// </summary>
public sealed class NotifyPaymentFailedActivity(InvoiceService invoices, IPaymentFailureNotifier notifier)
    : TaskActivity<InvoiceRef, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, InvoiceRef input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var invoice = await invoices.GetForPatientAsync(input.PatientId, input.InvoiceId, CancellationToken.None);
        if (!invoice.Succeeded)
            return false;

        await notifier.NotifyAsync(invoice.Value!, CancellationToken.None);
        return true;
    }
}
