namespace Clinic.Billing.Domain;

/// <summary>
/// The state machine of an invoice. Unpaid invoices can be voided, paid ones only refunded; a failed payment
/// may be tried again; a refund that the provider refuses leaves the invoice paid.
/// </summary>
public static class InvoiceTransitions
{
    private static readonly Dictionary<InvoiceStatus, InvoiceStatus[]> Allowed = new()
    {
        [InvoiceStatus.Open] = [InvoiceStatus.PaymentPending, InvoiceStatus.Void],
        [InvoiceStatus.PaymentPending] = [InvoiceStatus.Paid, InvoiceStatus.PaymentFailed],
        [InvoiceStatus.PaymentFailed] = [InvoiceStatus.PaymentPending, InvoiceStatus.Void],
        [InvoiceStatus.Paid] = [InvoiceStatus.RefundPending],
        [InvoiceStatus.RefundPending] = [InvoiceStatus.Refunded, InvoiceStatus.Paid],
        [InvoiceStatus.Void] = [],
        [InvoiceStatus.Refunded] = [],
    };

    public static bool CanMove(InvoiceStatus from, InvoiceStatus to) => Allowed[from].Contains(to);
}
