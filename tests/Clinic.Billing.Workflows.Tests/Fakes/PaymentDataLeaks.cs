using System.Globalization;
using System.Text.RegularExpressions;
using Clinic.Billing.Domain;
using Microsoft.Extensions.Logging.Testing;

namespace Clinic.Billing.Workflows.Tests.Fakes;

/// <summary>
/// Finds payment data and patient ids in captured log records, message and structured state alike. A value
/// counts as leaked when it stands as a token of its own, not inside a longer run of base64url or hex
/// characters, where short values such as four card digits occur by chance.
/// </summary>
internal static class PaymentDataLeaks
{
    /// <summary>
    /// Every way a log line could render <paramref name="amount"/>: decimal point or comma, minor units, and
    /// with the currency code after or before it (a currency sign around it is caught by the bare forms).
    /// </summary>
    public static IReadOnlyList<string> RenderingsOf(Money amount)
    {
        var point = amount.Amount.ToString(
            "F" + Currencies.MinorUnits(amount.Currency), CultureInfo.InvariantCulture);
        var comma = point.Replace('.', ',');
        var minorUnits = amount.ToMinorUnits().ToString(CultureInfo.InvariantCulture);
        return [point, comma, minorUnits, amount.ToString(), $"{amount.Currency} {point}",
            $"{point} {amount.Currency}", $"{comma} {amount.Currency}"];
    }

    /// <summary>Each leak as "event: value", so a failure names the record that leaked.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<FakeLogRecord> records, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(records);

        return records
            .Select(record => (record.Id, Text: Text(record)))
            .SelectMany(record => secrets
                .Where(secret => StandsAlone(record.Text, secret))
                .Select(secret => $"{record.Id}: {secret}"))
            .ToList();
    }

    private static string Text(FakeLogRecord record) =>
        string.Join("\n", new[] { record.Message, record.Exception?.ToString() ?? "" }.Concat(
            record.StructuredState?.Select(pair => $"{pair.Key}={pair.Value}") ?? []));

    private static bool StandsAlone(string text, string secret) =>
        Regex.IsMatch(text, $"(?<![A-Za-z0-9+/_-]){Regex.Escape(secret)}(?![A-Za-z0-9+/=_-])",
            RegexOptions.None, TimeSpan.FromSeconds(1));
}
