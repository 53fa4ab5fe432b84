using Clinic.Billing.Application;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>Reads the invoice of an appointment: its key, state and version.</summary>
public sealed class FindAppointmentInvoiceActivity(InvoiceService invoices)
    : TaskActivity<string, AppointmentInvoice>
{
    public override async Task<AppointmentInvoice> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);

        var found = await invoices.GetForAppointmentAsync(input, CancellationToken.None);
        if (!found.Succeeded)
            return AppointmentInvoice.None;

        var invoice = found.Value!;
        return new AppointmentInvoice(true, invoice.PatientId, invoice.Id, invoice.Status, invoice.Version);
    }
}
