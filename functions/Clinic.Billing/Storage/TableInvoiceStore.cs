using Azure;
using Azure.Data.Tables;
using Clinic.Billing.Application;
using Clinic.Billing.Domain;
using Clinic.Platform.Storage;

namespace Clinic.Billing.Storage;

/// <summary>
/// Invoices: a partition per patient (<see cref="TableKey"/> of the patient id), a row per invoice id, so a
/// patient's invoices are one partition query. InvoiceIndex holds two kinds of partitions that only find
/// invoices: <c>appt_{appointment}</c> with one row <c>invoice</c> (appointment to invoice, a point read, and
/// insert-only so two issues for one appointment meet), and <c>failed_{yyyy-MM}</c> with a row per invoice
/// whose payment failed that month (the admin list reads one partition, never the whole table).
/// </summary>
internal sealed class TableInvoiceStore(TableClientProvider tables) : IInvoiceStore
{
    private const string LinkPrefix = "appt_";
    private const string LinkRow = "invoice";
    private const string FailedPrefix = "failed_";

    public async Task<InvoiceLink?> FindLinkAsync(string appointmentId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(BillingTables.InvoiceIndex, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            LinkPrefix + TableKey.Encode(appointmentId), LinkRow, cancellationToken: cancellationToken);
        return row.HasValue ? ToLink(appointmentId, row.Value!) : null;
    }

    public async Task<InvoiceLink?> AddLinkAsync(InvoiceLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);

        var table = await tables.GetAsync(BillingTables.InvoiceIndex, cancellationToken);
        var entity = new TableEntity(LinkPrefix + TableKey.Encode(link.AppointmentId), LinkRow)
        {
            ["InvoiceId"] = link.InvoiceId,
            ["PatientId"] = link.PatientId,
            ["DoctorId"] = link.DoctorId,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return null;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return await FindLinkAsync(link.AppointmentId, cancellationToken);
        }
    }

    public async Task<StoredInvoice?> FindAsync(
        string patientId, string invoiceId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(BillingTables.Invoices, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKey.Encode(patientId), TableKey.Encode(invoiceId), cancellationToken: cancellationToken);
        return row.HasValue ? Stored(row.Value!) : null;
    }

    public async Task<bool> AddAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(BillingTables.Invoices, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(invoice), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<StoredInvoice?> ReplaceAsync(
        StoredInvoice current, Invoice changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);

        var table = await tables.GetAsync(BillingTables.Invoices, cancellationToken);
        try
        {
            var etag = new ETag(current.ConcurrencyToken);
            var response = await table.UpdateEntityAsync(
                ToEntity(changed), etag, TableUpdateMode.Replace, cancellationToken);
            return new StoredInvoice(changed, response.Headers.ETag?.ToString() ?? "");
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<StoredInvoice>> ListForPatientAsync(
        string patientId, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(BillingTables.Invoices, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(patientId)}");
        var invoices = new List<StoredInvoice>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            filter, cancellationToken: cancellationToken))
        {
            invoices.Add(Stored(entity));
            if (invoices.Count >= max)
                break;
        }

        return invoices;
    }

    public async Task AddFailedAsync(FailedPaymentEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);

        var table = await tables.GetAsync(BillingTables.InvoiceIndex, cancellationToken);
        var entity = new TableEntity(FailedPrefix + entry.Month, TableKey.Encode(entry.InvoiceId))
        {
            ["InvoiceId"] = entry.InvoiceId,
            ["PatientId"] = entry.PatientId,
            ["FailedAt"] = entry.FailedAt,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveFailedAsync(string month, string invoiceId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(BillingTables.InvoiceIndex, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(
                FailedPrefix + month, TableKey.Encode(invoiceId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already gone: the goal of the call is met.
        }
    }

    public async Task<IReadOnlyList<FailedPaymentEntry>> ListFailedAsync(
        string month, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(BillingTables.InvoiceIndex, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FailedPrefix + month}");
        var entries = new List<FailedPaymentEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            filter, cancellationToken: cancellationToken))
        {
            entries.Add(new FailedPaymentEntry(
                month,
                entity.GetString("InvoiceId"),
                entity.GetString("PatientId"),
                entity.GetDateTimeOffset("FailedAt")!.Value));
            if (entries.Count >= max)
                break;
        }

        return entries;
    }

    private static InvoiceLink ToLink(string appointmentId, TableEntity entity) => new(
        appointmentId,
        entity.GetString("InvoiceId"),
        entity.GetString("PatientId"),
        entity.GetString("DoctorId"));

    private static TableEntity ToEntity(Invoice invoice) =>
        new(TableKey.Encode(invoice.PatientId), TableKey.Encode(invoice.Id))
        {
            ["InvoiceId"] = invoice.Id,
            ["AppointmentId"] = invoice.AppointmentId,
            ["PatientId"] = invoice.PatientId,
            ["DoctorId"] = invoice.DoctorId,
            ["AmountMinor"] = invoice.Amount.ToMinorUnits(),
            ["Currency"] = invoice.Amount.Currency,
            ["Status"] = invoice.Status.ToString(),
            ["CreatedAt"] = invoice.CreatedAt,
            ["UpdatedAt"] = invoice.UpdatedAt,
            ["Version"] = invoice.Version,
            ["CardLast4"] = invoice.CardLast4,
            ["PaymentReference"] = invoice.PaymentReference,
            ["FailureCode"] = invoice.FailureCode,
            ["PaymentAttemptId"] = invoice.PaymentAttemptId,
        };

    private static StoredInvoice Stored(TableEntity entity) => new(
        new Invoice(
            entity.GetString("InvoiceId"),
            entity.GetString("AppointmentId"),
            entity.GetString("PatientId"),
            entity.GetString("DoctorId"),
            Money.FromMinorUnits(entity.GetInt64("AmountMinor")!.Value, entity.GetString("Currency")),
            Enum.Parse<InvoiceStatus>(entity.GetString("Status")),
            entity.GetDateTimeOffset("CreatedAt")!.Value,
            entity.GetDateTimeOffset("UpdatedAt")!.Value,
            entity.GetInt32("Version") ?? 1,
            entity.GetString("CardLast4"),
            entity.GetString("PaymentReference"),
            entity.GetString("FailureCode"),
            entity.GetString("PaymentAttemptId")),
        entity.ETag.ToString());
}
