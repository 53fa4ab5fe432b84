using Clinic.Billing.Domain;
using Clinic.Platform.Privacy;

namespace Clinic.Functions.Billing;

/// <summary>
/// A failed payment as an administrator sees it: the invoice, the failure code and its patient by pseudonym,
/// never by user id, as the admin users API names users; with it an admin looks the user up there
/// (<c>GET /api/admin/users/{pseudonym}</c>).
/// </summary>
public sealed record FailedPaymentResponse(
    string InvoiceId,
    string AppointmentId,
    string PatientPseudonym,
    string DoctorId,
    decimal Amount,
    string Currency,
    string FailureCode,
    DateTimeOffset FailedAt)
{
    public static FailedPaymentResponse From(Invoice invoice, Pseudonymizer pseudonyms)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(pseudonyms);

        return new FailedPaymentResponse(invoice.Id, invoice.AppointmentId,
            pseudonyms.Pseudonymize(invoice.PatientId), invoice.DoctorId, invoice.Amount.Amount,
            invoice.Amount.Currency, invoice.FailureCode ?? "unknown", invoice.UpdatedAt);
    }
}
