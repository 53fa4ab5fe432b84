namespace Clinic.BrowserTests.Infrastructure;

/// <summary>
/// The machine's own Chromium, which the tests drive: Playwright's browser download is never used, so the
/// tests run offline and on CI exactly as the installed package is.
/// </summary>
public static class Chromium
{
    /// <summary>Points the tests at a Chromium or Chrome executable that is not on the PATH.</summary>
    public const string PathVariable = "CLINIC_CHROMIUM";

    private static readonly string[] Names =
        ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The executable to launch, or an exception that says how to install one.</summary>
    public static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException(
                    $"{PathVariable} names '{configured}', which does not exist. {InstallHint}");
        }

        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names
            .SelectMany(name => directories.Select(directory => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"No Chromium was found on the PATH (looked for {string.Join(", ", Names)}). {InstallHint}");
    }

    private const string InstallHint =
        "The browser tests need one: on Debian or Ubuntu run 'sudo apt-get install -y chromium' "
        + "(scripts/test.sh does it when run as root), or set " + PathVariable + " to a Chromium or Chrome "
        + "executable.";
}
