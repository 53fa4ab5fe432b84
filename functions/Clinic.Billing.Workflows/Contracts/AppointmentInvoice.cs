using Clinic.Billing.Domain;

namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// The invoice of an appointment as an activity found it; <see cref="Found"/> false when there is none.
/// </summary>
public sealed record AppointmentInvoice(
    bool Found, string? PatientId, string? InvoiceId, InvoiceStatus? Status, int? Version)
{
    public static AppointmentInvoice None { get; } = new(false, null, null, null, null);
}
