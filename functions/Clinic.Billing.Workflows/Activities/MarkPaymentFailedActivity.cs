using Clinic.Billing.Application;
using Clinic.Billing.Logging;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>
/// Records the failed payment and logs PaymentFailed, a critical event name that is exported at once.
/// </summary>
public sealed class MarkPaymentFailedActivity(InvoiceService invoices, BillingEventLog events)
    : TaskActivity<RecordPaymentFailureInput, InvoiceStep>
{
    public override async Task<InvoiceStep> RunAsync(
        TaskActivityContext context, RecordPaymentFailureInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var failed = await invoices.MarkPaymentFailedAsync(input.PatientId, input.InvoiceId,
            input.PaymentAttemptId, input.FailureCode, CancellationToken.None);
        if (failed.Succeeded)
            events.PaymentFailed(failed.Value!, input.FailureCode);
        return InvoiceStep.From(failed);
    }
}
