using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Clinic.Platform.Storage;

/// <summary>
/// Hands out table clients and creates each table once per process, on first use. A failed creation is
/// forgotten, so the next request tries again: the app starts, and recovers, while storage is unreachable.
/// </summary>
public sealed class TableClientProvider(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables =
        new(StringComparer.Ordinal);

    public async Task<TableClient> GetAsync(string logicalName, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(
            logicalName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(logicalName, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string logicalName)
    {
        var client = service.GetTableClient(options.Value.TablePrefix + logicalName);
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}
