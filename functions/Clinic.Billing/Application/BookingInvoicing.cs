using Clinic.Billing.Domain;
using Microsoft.Extensions.Logging;

namespace Clinic.Billing.Application;

/// <summary>
/// Issues the invoice of an appointment that was just booked. A booking stands even when its invoice cannot be
/// issued (no fee, storage down): the failure is logged, and issuing again later is idempotent.
/// </summary>
public sealed class BookingInvoicing(InvoiceService invoices, ILogger<BookingInvoicing> logger)
{
    /// <summary>The invoice, or <see langword="null"/> when it could not be issued now (logged).</summary>
    public async Task<Invoice?> TryIssueAsync(
        string appointmentId, string patientId, string doctorId, CancellationToken cancellationToken)
    {
        try
        {
            var issued = await invoices.IssueForAppointmentAsync(
                appointmentId, patientId, doctorId, cancellationToken);
            if (issued.Succeeded)
                return issued.Value;

            Log.InvoiceIssueAtBookingFailed(logger, appointmentId, issued.Failure!.Code);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.InvoiceIssueAtBookingFailed(logger, appointmentId, exception.GetType().Name);
            return null;
        }
    }
}
