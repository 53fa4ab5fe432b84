using Clinic.Billing.Application;
using Clinic.Billing.Logging;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>
/// Records the approved charge and writes the receipt event (PaymentSucceeded and its encrypted twin).
/// </summary>
public sealed class MarkPaidActivity(InvoiceService invoices, BillingEventLog events)
    : TaskActivity<RecordPaidInput, InvoiceStep>
{
    public override async Task<InvoiceStep> RunAsync(TaskActivityContext context, RecordPaidInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var paid = await invoices.MarkPaidAsync(input.PatientId, input.InvoiceId, input.PaymentAttemptId,
            input.PaymentReference, input.CardLast4, CancellationToken.None);
        if (paid.Succeeded)
            events.PaymentSucceeded(paid.Value!);
        return InvoiceStep.From(paid);
    }
}
