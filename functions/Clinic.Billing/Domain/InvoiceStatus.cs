namespace Clinic.Billing.Domain;

/// <summary>Where an invoice is in its life; <see cref="InvoiceTransitions"/> has the moves.</summary>
public enum InvoiceStatus
{
    Open,
    PaymentPending,
    Paid,
    PaymentFailed,
    Void,
    RefundPending,
    Refunded,
}
