namespace Clinic.LocalHost.Tests.Infrastructure;

/// <summary>
/// Where the repository is, found from the test assembly upwards: the folder of the solution file.
/// </summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clinic.slnx")))
                return directory.FullName;
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' holds Clinic.slnx.");
    }
}
