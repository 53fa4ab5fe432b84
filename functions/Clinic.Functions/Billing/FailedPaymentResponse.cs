using Clinic.Billing.Domain;
using Clinic.Platform.Privacy;

namespace Clinic.Functions.Billing;

/// <summary>A failed payment as an administrator sees it: the invoice, its patient's id and the failure code.</summary>
public sealed record FailedPaymentResponse(
    string InvoiceId,
    string AppointmentId,
    [property: PersonId] string PatientId,
    string DoctorId,
    decimal Amount,
    string Currency,
    string FailureCode,
    DateTimeOffset FailedAt)
{
    public static FailedPaymentResponse From(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new FailedPaymentResponse(invoice.Id, invoice.AppointmentId, invoice.PatientId, invoice.DoctorId,
            invoice.Amount.Amount, invoice.Amount.Currency, invoice.FailureCode ?? "unknown", invoice.UpdatedAt);
    }
}
