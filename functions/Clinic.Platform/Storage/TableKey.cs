using System.Text;

namespace Clinic.Platform.Storage;

/// <summary>
/// Turns any id into a valid, reversible Azure Table key. Letters, digits, '-', '_' and '.' pass through;
/// every other UTF-8 byte becomes <c>~XX</c> (hex), so <c>/ \ # ?</c>, '%', '~' and control characters
/// never reach a key raw, and two different ids never share an encoding.
/// </summary>
public static class TableKey
{
    /// <summary>
    /// Azure allows 1 KiB per key; a prefix and a separator must still fit beside the id. The bound is on the
    /// encoded form, which can be nine times longer than the id (a 4-byte character becomes 12 characters).
    /// </summary>
    public const int MaxEncodedLength = 512;

    /// <summary>
    /// Whether <paramref name="id"/> is non-empty and short enough, once encoded, to be a key.
    /// </summary>
    public static bool CanEncode(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxEncodedLength && EncodedLength(id) <= MaxEncodedLength;

    public static string Encode(string id)
    {
        if (!CanEncode(id))
        {
            throw new ArgumentException(
                $"Ids are at most {MaxEncodedLength} characters once encoded.", nameof(id));
        }

        var builder = new StringBuilder(id.Length);
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            if (PassesRaw(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('~')
                    .Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static int EncodedLength(string id) => Encoding.UTF8.GetBytes(id).Sum(b => PassesRaw(b) ? 1 : 3);

    private static bool PassesRaw(byte b) =>
        char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.';

    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        var bytes = new List<byte>(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '~')
            {
                bytes.Add(Convert.ToByte(key.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)key[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
