using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Clinic.Platform.Storage;

namespace Clinic.Platform.Alerts;

/// <summary>The Alerts table: a partition per month (yyyyMM), newest first within it.</summary>
public sealed class AlertTable(TableClientProvider tables)
{
    private const string TableName = "Alerts";

    /// <summary>
    /// Stores the alert once: a second write of its id (a raise repeated by a retried step, or a write
    /// retried after its first try landed) leaves the stored row, and any acknowledgement of it, as it is.
    /// </summary>
    public async Task AddAsync(Alert alert, CancellationToken cancellationToken)
    {
        AlertIds.TryParse(alert.Id, out var partition, out var rowKey);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = new TableEntity(partition, rowKey)
        {
            ["Severity"] = alert.Severity.ToString(),
            ["EventName"] = alert.EventName,
            ["Summary"] = alert.Summary,
            ["CorrelationId"] = alert.CorrelationId,
            ["RaisedAt"] = alert.RaisedAt,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Stored already.
        }
    }

    /// <summary>Alerts of this month and the one before, newest first.</summary>
    public async Task<IReadOnlyList<Alert>> ListRecentAsync(
        DateTimeOffset now,
        int max,
        CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var alerts = new List<Alert>();
        foreach (var month in new[] { now, now.AddMonths(-1) })
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AlertIds.Partition(month)}");
            await foreach (var entity in table.QueryAsync<TableEntity>(
                filter, cancellationToken: cancellationToken))
            {
                alerts.Add(ToAlert(entity));
                if (alerts.Count >= max)
                    return alerts;
            }
        }

        return alerts;
    }

    /// <summary>Marks the alert acknowledged; false when there is no such alert.</summary>
    public async Task<Alert?> AcknowledgeAsync(
        string alertId, string acknowledgedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!AlertIds.TryParse(alertId, out var partition, out var rowKey))
            return null;

        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            partition, rowKey, cancellationToken: cancellationToken);
        if (!found.HasValue)
            return null;

        var entity = found.Value!;
        if (entity.GetDateTimeOffset("AcknowledgedAt") is null)
        {
            entity["AcknowledgedAt"] = at;
            entity["AcknowledgedBy"] = acknowledgedBy;
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }

        return ToAlert(entity);
    }

    private static Alert ToAlert(TableEntity entity) => new(
        $"{entity.PartitionKey}-{entity.RowKey}",
        Enum.Parse<AlertSeverity>(entity.GetString("Severity")),
        entity.GetString("EventName"),
        entity.GetString("Summary"),
        entity.GetString("CorrelationId"),
        entity.GetDateTimeOffset("RaisedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("AcknowledgedAt"),
        entity.GetString("AcknowledgedBy"));

}
