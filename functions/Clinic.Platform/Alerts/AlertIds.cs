using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Clinic.Platform.Alerts;

/// <summary>
/// Alert ids carry their table keys: the month is the partition, and the inverted time orders the newest
/// first within it. So listing recent alerts reads one or two partitions, and an id finds its row directly.
/// </summary>
internal static class AlertIds
{
    public static string New(DateTimeOffset raisedAt) => Id(raisedAt, Guid.NewGuid().ToString("N")[..8]);

    /// <summary>
    /// The id of one occurrence raised at <paramref name="raisedAt"/>: the same for every raise of it, so
    /// that a repeated raise writes the same row.
    /// </summary>
    public static string For(DateTimeOffset raisedAt, string occurrence)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(occurrence));
        return Id(raisedAt, Convert.ToHexStringLower(digest.AsSpan(0, 4)));
    }

    private static string Id(DateTimeOffset raisedAt, string suffix)
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - raisedAt.UtcTicks)
            .ToString("D19", CultureInfo.InvariantCulture);
        return $"{Partition(raisedAt)}-{inverted}-{suffix}";
    }

    public static string Partition(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    public static bool TryParse(string? id, out string partition, out string rowKey)
    {
        partition = rowKey = "";
        if (id is not { Length: 6 + 1 + 19 + 1 + 8 } || id[6] != '-' || id[26] != '-'
            || !id.Where((c, i) => i is not (6 or 26)).All(char.IsAsciiHexDigit))
        {
            return false;
        }

        partition = id[..6];
        rowKey = id[7..];
        return true;
    }
}
