using System.Globalization;
using System.Text.RegularExpressions;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Queue names as the Functions host takes them: lower-cased, then held to Azure Storage's rules, and with
/// room for the <c>-poison</c> suffix of the queue that failed messages end in.
/// </summary>
public static partial class QueueNames
{
    public const string PoisonSuffix = "-poison";

    private const int MaxLength = 63;

    public static string Normalize(string name, string functionName)
    {
        ArgumentNullException.ThrowIfNull(name);

        // The host lower-cases names itself, so a setting in any case names the same queue in both hosts.
        var normalized = name.ToLower(CultureInfo.InvariantCulture);
        if (!Valid().IsMatch(normalized) || Poison(normalized).Length > MaxLength)
        {
            throw new InvalidOperationException(
                $"Function {functionName}: '{name}' is not a valid queue name: 3 to " +
                $"{MaxLength - PoisonSuffix.Length} lower-case letters, digits and single hyphens, " +
                "starting and ending with a letter or digit.");
        }

        return normalized;
    }

    public static string Poison(string queueName) => queueName + PoisonSuffix;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Valid();
}
