using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace Clinic.Platform.Http;

/// <summary>Strong entity tags from a body's bytes, and If-None-Match matching (RFC 9110, 13.1.2).</summary>
public static class EntityTags
{
    /// <summary>The quoted, URL-safe base64 of the body's SHA-256, cut to 128 bits.</summary>
    public static string Of(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        var text = Convert.ToBase64String(hash[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return "\"" + text + "\"";
    }

    /// <summary>
    /// Whether an If-None-Match header names <paramref name="etag"/> or is <c>*</c>. The comparison is weak,
    /// as the standard asks for this header: a <c>W/</c> prefix is ignored.
    /// </summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? "").Split(',', StringSplitOptions.TrimEntries))
            {
                var opaque = candidate.StartsWith("W/", StringComparison.Ordinal)
                    ? candidate[2..]
                    : candidate;
                if (opaque == "*" || string.Equals(opaque, etag, StringComparison.Ordinal))
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an If-Match header names <paramref name="etag"/> or is <c>*</c>. The comparison is strong, as
    /// the standard asks for this header: a weak tag (<c>W/</c>) never matches, nor does anything unquoted.
    /// </summary>
    public static bool MatchesIfMatch(string ifMatch, string etag)
    {
        ArgumentNullException.ThrowIfNull(ifMatch);

        return ifMatch.Split(',', StringSplitOptions.TrimEntries)
            .Any(candidate => candidate == "*" || string.Equals(candidate, etag, StringComparison.Ordinal));
    }
}
