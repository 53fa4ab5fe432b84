using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Clinic.Platform.Storage;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Turns a trigger's connection name into a queue service client. The default connection,
/// <c>AzureWebJobsStorage</c>, is the account the local host keeps its tables in
/// (<c>Storage:ConnectionString</c>, else <c>AzureWebJobsStorage</c>, as <see cref="StorageOptions"/> reads
/// them), so tables and queues never split across two emulators. Any other name is looked up as the Functions
/// host does: a connection string named so, then the setting <c>AzureWebJobs&lt;name&gt;</c>, then the
/// setting itself.
/// </summary>
public sealed class QueueConnections(IConfiguration configuration, QueueClientOptions clientOptions)
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    private readonly ConcurrentDictionary<string, QueueServiceClient> _services = new(StringComparer.Ordinal);

    public QueueServiceClient Get(string? connectionName, string functionName)
    {
        var name = string.IsNullOrEmpty(connectionName) ? DefaultConnection : connectionName;
        return _services.GetOrAdd(
            name, _ => new QueueServiceClient(ConnectionString(name, functionName), clientOptions));
    }

    private string ConnectionString(string name, string functionName)
    {
        var value = name == DefaultConnection
            ? configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}"]
                ?? configuration[DefaultConnection]
            : configuration.GetConnectionString(name)
                ?? configuration["AzureWebJobs" + name]
                ?? configuration[name];

        // Managed identity settings (name__queueServiceUri) are for Azure; locally the emulator has a key.
        return value is { Length: > 0 }
            ? value
            : throw new InvalidOperationException(
                $"Function {functionName}: the local host needs a storage connection string for connection " +
                $"'{name}'.");
    }
}
