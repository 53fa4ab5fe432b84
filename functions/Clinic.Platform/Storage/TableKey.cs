using System.Text;

namespace Clinic.Platform.Storage;

/// <summary>
/// Turns any id into a valid, reversible Azure Table key. Letters, digits, '-', '_' and '.' pass through;
/// every other UTF-8 byte becomes <c>~XX</c> (hex), so <c>/ \ # ?</c>, '%', '~' and control characters
/// never reach a key raw, and two different ids never share an encoding.
/// </summary>
public static class TableKey
{
    /// <summary>Azure allows 1 KiB per key; a prefix and a separator must still fit beside the id.</summary>
    public const int MaxIdLength = 256;

    public static string Encode(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Length > MaxIdLength)
            throw new ArgumentException($"Ids are at most {MaxIdLength} characters.", nameof(id));

        var builder = new StringBuilder(id.Length);
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                builder.Append(c);
            else
                builder.Append('~').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

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
