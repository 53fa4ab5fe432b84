using Clinic.Platform.Privacy;

namespace Clinic.Billing.Payments;

/// <summary>
/// The provider's answer: approved with its reference (and, for a charge, the card's last four digits), or
/// declined with a reason code. Declines are final for that request; they are not retried.
/// </summary>
public sealed record ChargeResult(
    bool Approved,
    string? PaymentReference,
    [property: PaymentData] string? CardLast4,
    string? DeclineCode)
{
    public static ChargeResult Approve(string paymentReference, string? cardLast4) =>
        new(true, paymentReference, cardLast4, null);

    public static ChargeResult Decline(string declineCode) => new(false, null, null, declineCode);
}
