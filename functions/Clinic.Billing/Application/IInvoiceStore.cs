using Clinic.Billing.Domain;

namespace Clinic.Billing.Application;

/// <summary>
/// Invoices, an index from appointment to invoice, and an index of failed payments per month. The invoice
/// row is the truth; the indexes only find it, so a reader checks what an index points at.
/// </summary>
public interface IInvoiceStore
{
    Task<InvoiceLink?> FindLinkAsync(string appointmentId, CancellationToken cancellationToken);

    /// <summary>Adds the link (null), or returns the one an earlier issue added.</summary>
    Task<InvoiceLink?> AddLinkAsync(InvoiceLink link, CancellationToken cancellationToken);

    Task<StoredInvoice?> FindAsync(string patientId, string invoiceId, CancellationToken cancellationToken);

    /// <summary>Inserts the invoice; false when one is already stored under its key.</summary>
    Task<bool> AddAsync(Invoice invoice, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="current"/> with <paramref name="changed"/> if the row is still the one read;
    /// null when it changed meanwhile.
    /// </summary>
    Task<StoredInvoice?> ReplaceAsync(
        StoredInvoice current, Invoice changed, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredInvoice>> ListForPatientAsync(
        string patientId, int max, CancellationToken cancellationToken);

    /// <summary>Adds or refreshes a failed-payments index entry (idempotent).</summary>
    Task AddFailedAsync(FailedPaymentEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes an index entry; a missing one is no error.</summary>
    Task RemoveFailedAsync(string month, string invoiceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<FailedPaymentEntry>> ListFailedAsync(
        string month, int max, CancellationToken cancellationToken);
}
