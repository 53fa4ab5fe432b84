namespace Clinic.Notifications.Content;

/// <summary>
/// Counts the segments a text message is billed and delivered as. GSM-7 texts take 160 septets in a single
/// segment and 153 in each part of a longer one; a character of the extension table (such as € or [) takes
/// two septets. Any character outside GSM-7 sends the whole text as UCS-2: 70 UTF-16 code units in a single
/// segment, 67 per part.
/// </summary>
public static class SmsSegments
{
    private const int Gsm7Single = 160;
    private const int Gsm7PerPart = 153;
    private const int Ucs2Single = 70;
    private const int Ucs2PerPart = 67;

    // GSM 03.38's default alphabet in table order, without the escape that introduces the extension table.
    private static readonly HashSet<char> Gsm7Basic =
    [
        .. "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?",
        .. "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
    ];

    private static readonly HashSet<char> Gsm7Extension = [.. "\f^{}\\[~]|€"];

    /// <summary>GSM-7 when every character of the text has a GSM-7 code, else UCS-2.</summary>
    public static SmsEncoding EncodingOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        foreach (var character in text)
        {
            if (!Gsm7Basic.Contains(character) && !Gsm7Extension.Contains(character))
                return SmsEncoding.Ucs2;
        }

        return SmsEncoding.Gsm7;
    }

    /// <summary>
    /// How many segments the text takes; an empty text still goes as one. In a multipart message a character
    /// is never split between parts (an extension character's two septets, a surrogate pair's two code
    /// units), so a part may end one unit short and the count can exceed a plain division.
    /// </summary>
    public static int Count(string text)
    {
        var encoding = EncodingOf(text);
        var sizes = encoding == SmsEncoding.Gsm7 ? Gsm7Sizes(text) : Ucs2Sizes(text);
        var single = encoding == SmsEncoding.Gsm7 ? Gsm7Single : Ucs2Single;
        var perPart = encoding == SmsEncoding.Gsm7 ? Gsm7PerPart : Ucs2PerPart;

        return sizes.Sum() <= single ? 1 : Pack(sizes, perPart);
    }

    private static List<int> Gsm7Sizes(string text) =>
        [.. text.Select(character => Gsm7Extension.Contains(character) ? 2 : 1)];

    private static List<int> Ucs2Sizes(string text)
    {
        var sizes = new List<int>(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            var isPair = char.IsSurrogatePair(text, index);
            sizes.Add(isPair ? 2 : 1);
            if (isPair)
                index++;
        }

        return sizes;
    }

    private static int Pack(List<int> sizes, int perPart)
    {
        var parts = 1;
        var used = 0;
        foreach (var size in sizes)
        {
            if (used + size > perPart)
            {
                parts++;
                used = 0;
            }

            used += size;
        }

        return parts;
    }
}
