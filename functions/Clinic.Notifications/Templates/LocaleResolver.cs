using System.Globalization;

namespace Clinic.Notifications.Templates;

/// <summary>
/// Picks the shipped locale for a requested culture: the exact culture, else the shipped locale of the same
/// language, else en-US. A null, empty or unknown culture name gives en-US.
/// </summary>
internal static class LocaleResolver
{
    public const string Fallback = "en-US";

    public static string Resolve(string? requested, IReadOnlySet<string> shipped)
    {
        var culture = CultureOrNull(requested);
        if (culture is null)
            return Fallback;

        if (shipped.Contains(culture.Name))
            return culture.Name;

        return SameLanguage(culture, shipped) ?? Fallback;
    }

    private static CultureInfo? CultureOrNull(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;

        try
        {
            // Only cultures the platform knows: with ICU, any well-formed tag would otherwise be accepted.
            var culture = CultureInfo.GetCultureInfo(name.Trim().Replace('_', '-'), predefinedOnly: true);
            return culture.Equals(CultureInfo.InvariantCulture) ? null : culture;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    private static string? SameLanguage(CultureInfo culture, IReadOnlySet<string> shipped)
    {
        var language = culture.TwoLetterISOLanguageName;
        var candidates = shipped
            .Where(name => CultureInfo.GetCultureInfo(name).TwoLetterISOLanguageName == language)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (candidates.Count <= 1)
            return candidates.FirstOrDefault();

        // The language's usual region (fr-FR for fr) wins when several of its locales ship.
        var usual = CultureInfo.CreateSpecificCulture(language).Name;
        return candidates.Contains(usual) ? usual : candidates.FirstOrDefault();
    }
}
