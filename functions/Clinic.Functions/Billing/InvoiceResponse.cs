using Clinic.Billing.Domain;
using Clinic.Platform.Privacy;

namespace Clinic.Functions.Billing;

/// <summary>An invoice as its patient sees it: no patient id, no payment reference.</summary>
public sealed record InvoiceResponse(
    string Id,
    string AppointmentId,
    string DoctorId,
    decimal Amount,
    string Currency,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    [property: PaymentData] string? CardLast4,
    string? FailureCode)
{
    public static InvoiceResponse From(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceResponse(invoice.Id, invoice.AppointmentId, invoice.DoctorId, invoice.Amount.Amount,
            invoice.Amount.Currency, StatusText(invoice.Status), invoice.CreatedAt, invoice.UpdatedAt,
            invoice.Version, invoice.CardLast4, invoice.FailureCode);
    }

    public static string StatusText(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Open => "open",
        InvoiceStatus.PaymentPending => "payment-pending",
        InvoiceStatus.Paid => "paid",
        InvoiceStatus.PaymentFailed => "payment-failed",
        InvoiceStatus.Void => "void",
        InvoiceStatus.RefundPending => "refund-pending",
        _ => "refunded",
    };
}
