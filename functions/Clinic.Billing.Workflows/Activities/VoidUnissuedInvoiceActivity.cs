using Clinic.Billing.Application;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>
/// Records the invoice of an appointment cancelled before its invoice was issued as void, and reads back the
/// invoice as stored: void, or open when the booking's issue wrote it first. None when no invoice can exist
/// (the doctor has no fee).
/// </summary>
public sealed class VoidUnissuedInvoiceActivity(InvoiceService invoices)
    : TaskActivity<UnissuedInvoiceInput, AppointmentInvoice>
{
    public override async Task<AppointmentInvoice> RunAsync(
        TaskActivityContext context, UnissuedInvoiceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var stored = await invoices.IssueVoidAsync(
            input.AppointmentId, input.PatientId, input.DoctorId, CancellationToken.None);
        if (!stored.Succeeded)
            return AppointmentInvoice.None;

        var invoice = stored.Value!;
        return new AppointmentInvoice(true, invoice.PatientId, invoice.Id, invoice.Status, invoice.Version);
    }
}
