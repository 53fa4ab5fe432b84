using System.Text.RegularExpressions;

namespace Clinic.Platform.Security.Tests.Fakes;

/// <summary>
/// Finds payload values in log text. Short values such as the last four card digits also occur by chance
/// inside base64, base64url or hex, so a value counts as leaked when it stands as a token of its own, not
/// as part of a longer run of such characters.
/// </summary>
internal static class Leaks
{
    public static IReadOnlyList<string> ValuesOf(InvoicePaid payload) =>
        [payload.InvoiceId, payload.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            payload.CardLast4, payload.PaymentToken];

    public static IEnumerable<string> Find(string text, IEnumerable<string> values) =>
        values.Where(value => Regex.IsMatch(
            text, $"(?<![A-Za-z0-9+/_-]){Regex.Escape(value)}(?![A-Za-z0-9+/=_-])", RegexOptions.None,
            TimeSpan.FromSeconds(1)));
}
