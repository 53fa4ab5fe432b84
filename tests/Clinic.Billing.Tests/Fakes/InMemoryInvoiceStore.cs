using System.Collections.Concurrent;
using Clinic.Billing.Application;
using Clinic.Billing.Domain;

namespace Clinic.Billing.Tests.Fakes;

/// <summary>
/// The invoice store in memory, with the table adapter's semantics: insert-only keys, and replaces that
/// succeed only with the version token last read (a counter standing in for the ETag).
/// </summary>
internal sealed class InMemoryInvoiceStore : IInvoiceStore
{
    private readonly ConcurrentDictionary<string, InvoiceLink> _links = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), StoredInvoice> _invoices = new();
    private readonly ConcurrentDictionary<(string, string), FailedPaymentEntry> _failed = new();
    private long _etag;

    /// <summary>Called before each replace, so a test can change the row under a writer's feet.</summary>
    public Action<StoredInvoice>? BeforeReplace { get; set; }

    public Task<InvoiceLink?> FindLinkAsync(string appointmentId, CancellationToken cancellationToken) =>
        Task.FromResult(_links.GetValueOrDefault(appointmentId));

    public Task<InvoiceLink?> AddLinkAsync(InvoiceLink link, CancellationToken cancellationToken) =>
        Task.FromResult(_links.TryAdd(link.AppointmentId, link) ? null : _links[link.AppointmentId]);

    public Task<StoredInvoice?> FindAsync(
        string patientId, string invoiceId, CancellationToken cancellationToken) =>
        Task.FromResult(_invoices.GetValueOrDefault((patientId, invoiceId)));

    /// <summary>
    /// Awaited before each invoice insert, so a test can hold a writer between its two inserts (the link is
    /// written, the invoice not yet) while another runs.
    /// </summary>
    public Func<Invoice, Task>? BeforeAdd { get; set; }

    public async Task<bool> AddAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        if (BeforeAdd is { } beforeAdd)
            await beforeAdd(invoice);
        return _invoices.TryAdd((invoice.PatientId, invoice.Id), new StoredInvoice(invoice, NextETag()));
    }

    public Task<StoredInvoice?> ReplaceAsync(
        StoredInvoice current, Invoice changed, CancellationToken cancellationToken)
    {
        BeforeReplace?.Invoke(current);
        var key = (changed.PatientId, changed.Id);
        var next = new StoredInvoice(changed, NextETag());
        var replaced = _invoices.TryGetValue(key, out var stored)
            && stored.ConcurrencyToken == current.ConcurrencyToken
            && _invoices.TryUpdate(key, next, stored);
        return Task.FromResult(replaced ? next : null);
    }

    /// <summary>Changes a stored invoice as a concurrent writer would, with a new version token.</summary>
    public void Overwrite(Invoice invoice) =>
        _invoices[(invoice.PatientId, invoice.Id)] = new StoredInvoice(invoice, NextETag());

    public Task<IReadOnlyList<StoredInvoice>> ListForPatientAsync(
        string patientId, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredInvoice>>(
            _invoices.Where(pair => pair.Key.Item1 == patientId).Select(pair => pair.Value).Take(max)
                .ToList());

    public Task AddFailedAsync(FailedPaymentEntry entry, CancellationToken cancellationToken)
    {
        _failed[(entry.Month, entry.InvoiceId)] = entry;
        return Task.CompletedTask;
    }

    public Task RemoveFailedAsync(string month, string invoiceId, CancellationToken cancellationToken)
    {
        _failed.TryRemove((month, invoiceId), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FailedPaymentEntry>> ListFailedAsync(
        string month, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FailedPaymentEntry>>(
            _failed.Values.Where(entry => entry.Month == month).Take(max).ToList());

    private string NextETag() => "W/\"" + Interlocked.Increment(ref _etag) + "\"";
}
