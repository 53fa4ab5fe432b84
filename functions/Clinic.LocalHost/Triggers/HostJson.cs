namespace Clinic.LocalHost.Triggers;

/// <summary>
/// The Functions host's host.json, read as configuration. The Functions project copies the repository's
/// host.json to its output, and from there to the local host's, so it lies beside the running assembly.
/// </summary>
public static class HostJson
{
    public const string FileName = "host.json";

    /// <summary>The host.json beside the running app; empty configuration if there is none.</summary>
    public static IConfiguration Load() => Load(Path.Combine(AppContext.BaseDirectory, FileName));

    public static IConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        return new ConfigurationBuilder()
            .AddJsonFile(Path.GetFullPath(path), optional: true, reloadOnChange: false)
            .Build();
    }
}
