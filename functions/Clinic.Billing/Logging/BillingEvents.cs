using Microsoft.Extensions.Logging;

namespace Clinic.Billing.Logging;

/// <summary>
/// Ids of the encrypted billing records (4051-4099), each the twin of a plain event in <see cref="Log"/>
/// (its id plus 50). Their payload is sealed by <c>EncryptedEventLog</c>; only an auditor can read it.
/// </summary>
internal static class BillingEvents
{
    public static readonly EventId InvoiceCreatedDetails = new(4051, "InvoiceCreatedDetails");
    public static readonly EventId InvoiceVoidedDetails = new(4052, "InvoiceVoidedDetails");
    public static readonly EventId PaymentAttemptedDetails = new(4053, "PaymentAttemptedDetails");
    public static readonly EventId PaymentSucceededDetails = new(4054, "PaymentSucceededDetails");
    public static readonly EventId PaymentFailedDetails = new(4055, "PaymentFailedDetails");
    public static readonly EventId RefundIssuedDetails = new(4058, "RefundIssuedDetails");
}
