using Azure;
using Azure.Data.Tables;
using Clinic.Platform.Storage;

namespace Clinic.Notifications.Deliveries;

/// <summary>Dead letters in one partition: few by nature, listed newest first by administrators.</summary>
internal sealed class TableDeadLetterStore(TableClientProvider tables) : IDeadLetterStore
{
    private const string Partition = "dead";

    public async Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);

        var table = await tables.GetAsync(NotificationTables.DeadLetters, cancellationToken);
        var entity = new TableEntity(Partition, deadLetter.Id)
        {
            ["SourceQueue"] = deadLetter.SourceQueue,
            ["Body"] = deadLetter.Body,
            ["DeadLetteredAt"] = deadLetter.DeadLetteredAt,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(NotificationTables.DeadLetters, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        var letters = new List<DeadLetter>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            letters.Add(ToDeadLetter(entity));
            if (letters.Count >= max)
                break;
        }

        return letters.OrderByDescending(letter => letter.DeadLetteredAt).ToList();
    }

    public async Task<DeadLetter?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(NotificationTables.DeadLetters, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? ToDeadLetter(row.Value!) : null;
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(NotificationTables.DeadLetters, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Replayed already.
        }
    }

    private static DeadLetter ToDeadLetter(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("SourceQueue"),
        entity.GetString("Body"),
        entity.GetDateTimeOffset("DeadLetteredAt") ?? DateTimeOffset.MinValue);
}
