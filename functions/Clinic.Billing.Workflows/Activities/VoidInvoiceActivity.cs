using Clinic.Billing.Application;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>Voids an unpaid invoice in the version the orchestration read; a changed invoice is refused.</summary>
public sealed class VoidInvoiceActivity(InvoiceService invoices) : TaskActivity<VoidInvoiceInput, InvoiceStep>
{
    public override async Task<InvoiceStep> RunAsync(TaskActivityContext context, VoidInvoiceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var voided = await invoices.VoidAsync(
            input.PatientId, input.InvoiceId, input.ExpectedVersion, CancellationToken.None);
        return InvoiceStep.From(voided);
    }
}
