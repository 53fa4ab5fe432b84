using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Clinic.Platform.Privacy;

/// <summary>
/// Turns an identifier (a user id) into a short, stable pseudonym for logs and admin views: an HMAC-SHA256
/// under a secret key, so the same id always gives the same pseudonym, but nobody without the key can
/// compute one from an id or test a guessed id against one. Changing the key changes every pseudonym.
/// </summary>
public sealed class Pseudonymizer
{
    public const string Prefix = "u_";

    /// <summary>16 of the 32 hash bytes: collisions stay negligible (2^-64 at four billion users).</summary>
    private const int PseudonymBytes = 16;

    private static readonly int PseudonymLength = Prefix.Length + (2 * PseudonymBytes);
    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    private readonly byte[] _key;

    public Pseudonymizer(IOptions<PrivacyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        _key = PrivacyOptions.DecodeKey(options.Value.PseudonymKey)
            ?? throw new InvalidOperationException(PrivacyOptions.KeyRequirement);
    }

    /// <summary>The pseudonym of <paramref name="identifier"/>: <c>u_</c> and 32 hex digits.</summary>
    public string Pseudonymize(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);

        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(identifier), hash);
        return Prefix + Convert.ToHexStringLower(hash[..PseudonymBytes]);
    }

    /// <summary>Whether <paramref name="value"/> has the shape of a pseudonym (not whose it is).</summary>
    public static bool IsPseudonym(string? value) =>
        value is not null
        && value.Length == PseudonymLength
        && value.StartsWith(Prefix, StringComparison.Ordinal)
        && !value.AsSpan(Prefix.Length).ContainsAnyExcept(LowerHexDigits);
}
