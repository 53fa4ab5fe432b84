using System.Text.RegularExpressions;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Resolves <c>%Name%</c> in trigger settings (queue names, schedules) from configuration, as the Functions
/// host resolves them from app settings. A missing setting stops start-up: in Azure the function would not
/// load either, and a silent empty name would poll the wrong queue.
/// </summary>
public static partial class AppSettingExpressions
{
    public static string Resolve(string value, IConfiguration configuration, string functionName)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(configuration);

        return Placeholder().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            return configuration[name] is { Length: > 0 } setting
                ? setting
                : throw new InvalidOperationException(
                    $"Function {functionName}: the app setting '{name}' that '{value}' names is not set.");
        });
    }

    [GeneratedRegex("%(?<name>[^%]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
