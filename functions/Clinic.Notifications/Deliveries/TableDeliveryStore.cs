using Azure;
using Azure.Data.Tables;
using Clinic.Notifications.Content;
using Clinic.Notifications.Pipeline;
using Clinic.Platform.Storage;

namespace Clinic.Notifications.Deliveries;

/// <summary>Delivery records: a partition per appointment, a row per kind, version and channel.</summary>
internal sealed class TableDeliveryStore(TableClientProvider tables) : IDeliveryStore
{
    public async Task<StoredDelivery?> TryAddAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);

        var table = await tables.GetAsync(NotificationTables.Deliveries, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(record), cancellationToken);
            return null;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return await FindAsync(record.Key, cancellationToken);
        }
    }

    public async Task<StoredDelivery?> FindAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);

        var table = await tables.GetAsync(NotificationTables.Deliveries, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKey.Encode(key.AppointmentId), key.Name, cancellationToken: cancellationToken);
        return row.HasValue ? new StoredDelivery(ToRecord(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<StoredDelivery?> ReplaceAsync(
        StoredDelivery current, DeliveryRecord changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);

        var table = await tables.GetAsync(NotificationTables.Deliveries, cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(
                ToEntity(changed), new ETag(current.ConcurrencyToken), TableUpdateMode.Replace, cancellationToken);
            return new StoredDelivery(changed, response.Headers.ETag?.ToString() ?? "");
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListForAppointmentAsync(
        string appointmentId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(NotificationTables.Deliveries, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(appointmentId)}");
        var records = new List<DeliveryRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            records.Add(ToRecord(entity));
        return records;
    }

    private static TableEntity ToEntity(DeliveryRecord record) =>
        new(TableKey.Encode(record.Key.AppointmentId), record.Key.Name)
        {
            ["AppointmentId"] = record.Key.AppointmentId,
            ["Kind"] = record.Key.Kind.ToString(),
            ["Version"] = record.Key.Version,
            ["Channel"] = record.Key.Channel.ToString(),
            ["State"] = record.State.ToString(),
            ["Attempts"] = record.Attempts,
            ["Reason"] = record.Reason,
            ["ProviderMessageId"] = record.ProviderMessageId,
            ["LeaseUntil"] = record.LeaseUntil,
            ["UpdatedAt"] = record.UpdatedAt,
        };

    private static DeliveryRecord ToRecord(TableEntity entity) => new(
        new DeliveryKey(
            entity.GetString("AppointmentId"),
            Enum.Parse<NotificationKind>(entity.GetString("Kind")),
            entity.GetInt32("Version") ?? 0,
            Enum.Parse<NotificationChannel>(entity.GetString("Channel"))),
        Enum.Parse<DeliveryState>(entity.GetString("State")),
        entity.GetInt32("Attempts") ?? 0,
        entity.GetString("Reason"),
        entity.GetString("ProviderMessageId"),
        entity.GetDateTimeOffset("LeaseUntil"),
        entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);
}
