namespace Clinic.Notifications.Templates;

/// <summary>
/// The rule that keeps a text message within two segments. The renderer tries, in order: the names as
/// they are; the doctor's name shortened; the doctor's and the clinic's names shortened. A shortened name
/// keeps its leading whole words up to <see cref="MaxLength"/> characters ("Dr. Maximiliana
/// Wiśniewska-Łukasiewicz" gives "Dr. Maximiliana"); when even the first word is longer, it is cut and ends
/// with a full stop. Dropping the end of a name can also drop the one character that forced UCS-2, which
/// halves the message's cost.
/// </summary>
internal static class SmsNameShortener
{
    public const int MaxLength = 20;

    public static string Shorten(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length <= MaxLength)
            return trimmed;

        var kept = LeadingWords(trimmed);
        return kept.Length > 0 ? kept : Cut(trimmed, MaxLength - 1) + ".";
    }

    private static string LeadingWords(string name)
    {
        var kept = "";
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = kept.Length == 0 ? word : $"{kept} {word}";
            if (longer.Length > MaxLength)
                break;

            kept = longer;
        }

        return kept;
    }

    // Cuts at a code-unit count without leaving half of a surrogate pair behind.
    private static string Cut(string text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
