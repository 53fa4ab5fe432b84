namespace Clinic.Platform.Storage;

/// <summary>
/// Where the tables live: a connection string (Azurite, development) or a service URI reached with the
/// app's managed identity (Azure). The connection string wins when both are set.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>The queue endpoint for a managed identity, where no connection string is set.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Prefix of every table name, so tests and several developers can share one account.</summary>
    public string TablePrefix { get; set; } = "";
}
