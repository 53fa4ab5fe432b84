using System.Security.Cryptography;

namespace Clinic.Platform.Security;

/// <summary>
/// One AES-256 data key: its bytes (kept in this process only), the same key wrapped by the key-encryption
/// key (which is what the logs carry), and a short reference that encrypted records name it by.
/// </summary>
public sealed class DataKey
{
    public const int SizeInBytes = 32;

    /// <summary>16 hex digits: short in every record, and unique among the keys of years of logs.</summary>
    private const int ReferenceLength = 16;

    private readonly byte[] _key;
    private long _uses;

    internal DataKey(byte[] key, WrappedKey wrapped, DateTimeOffset issuedAt, long issuedTimestamp)
    {
        _key = key;
        NoncePrefix = RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);
        Wrapped = wrapped;
        IssuedAt = issuedAt;
        IssuedTimestamp = issuedTimestamp;
        KeyRef = ReferenceOf(wrapped);
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the wrapped key.</summary>
    public string KeyRef { get; }

    public WrappedKey Wrapped { get; }

    public DateTimeOffset IssuedAt { get; }

    /// <summary>How many payloads this key has encrypted so far.</summary>
    public long Uses => Interlocked.Read(ref _uses);

    internal byte[] Key => _key;

    /// <summary>When it was issued on the monotonic clock: its age is checked on every use.</summary>
    internal long IssuedTimestamp { get; }

    /// <summary>The fixed field of this key's nonces; the other 8 bytes count its uses.</summary>
    internal int NoncePrefix { get; }

    /// <summary>
    /// The reference of a wrapped key, which a reader recomputes to check that an announced key is the one a
    /// record names.
    /// </summary>
    public static string ReferenceOf(WrappedKey wrapped)
    {
        ArgumentNullException.ThrowIfNull(wrapped);

        return Convert.ToHexStringLower(SHA256.HashData(wrapped.Value))[..ReferenceLength];
    }

    /// <summary>Counts one more use and returns its number (1, 2, ...): unique for this key.</summary>
    internal long CountUse() => Interlocked.Increment(ref _uses);
}
