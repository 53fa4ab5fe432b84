using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Clinic.Platform.Security;

/// <summary>
/// Seals payloads with AES-256-GCM under the ring's current data key. The event name and correlation id are
/// authenticated with the payload (not encrypted), so a ciphertext copied into another record no longer
/// decrypts. Nonce and ciphertext are base64url without padding: JSON writers escape '+' of plain base64.
/// </summary>
/// <remarks>
/// Nonces are deterministic (NIST SP 800-38D, 8.2.1): a 4-byte random field fixed per data key, then the
/// 8-byte big-endian number of the key's use. A data key is fresh, random and held by one process, and its
/// uses are counted atomically, so no nonce repeats under a key; random nonces would cost a call into the
/// system's random generator per record and bound a key to about 2^32 uses.
/// </remarks>
public sealed class EnvelopeEncryptor(DataKeyRing ring)
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    private static readonly byte[] FormatTag = "clinic-billing-log/v1"u8.ToArray();

    // AesGcm instances are not thread-safe and cost a key schedule to make, so each thread keeps one for the
    // data key it used last.
    [ThreadStatic]
    private static CachedCipher? _cipher;

    /// <summary>Seals <paramref name="plaintext"/> for a record of <paramref name="eventName"/>.</summary>
    /// <exception cref="CryptographicException">No data key is available.</exception>
    public EncryptedPayload Encrypt(string eventName, string correlationId, ReadOnlySpan<byte> plaintext) =>
        Seal(eventName, correlationId, plaintext, out _);

    internal EncryptedPayload Seal(
        string eventName, string correlationId, ReadOnlySpan<byte> plaintext, out DataKey key)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(correlationId);

        key = ring.Acquire(out var useNumber);
        Span<byte> nonce = stackalloc byte[NonceSize];
        BinaryPrimitives.WriteInt32BigEndian(nonce, key.NoncePrefix);
        BinaryPrimitives.WriteInt64BigEndian(nonce[4..], useNumber);
        var sealedLength = plaintext.Length + TagSize;
        var associatedLength = AssociatedDataLength(eventName, correlationId);
        var buffer = ArrayPool<byte>.Shared.Rent(sealedLength + associatedLength);
        try
        {
            var output = buffer.AsSpan(0, sealedLength);
            var associatedData = buffer.AsSpan(sealedLength, associatedLength);
            WriteAssociatedData(eventName, correlationId, associatedData);
            CipherFor(key).Encrypt(
                nonce, plaintext, output[..plaintext.Length], output[plaintext.Length..], associatedData);
            return new EncryptedPayload(key.Wrapped.KeyId, key.KeyRef,
                Base64Url.EncodeToString(nonce), Base64Url.EncodeToString(output));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The plaintext of <paramref name="payload"/>, given its unwrapped data key.</summary>
    /// <exception cref="CryptographicException">
    /// Wrong key, or the ciphertext, nonce, event name or correlation id differ from what was sealed.
    /// </exception>
    public static byte[] Decrypt(
        ReadOnlySpan<byte> dataKey, string eventName, string correlationId, EncryptedPayload payload)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(correlationId);
        ArgumentNullException.ThrowIfNull(payload);

        var nonce = FromBase64Url(payload.Nonce);
        var sealedBytes = FromBase64Url(payload.Ciphertext);
        if (nonce.Length != NonceSize || sealedBytes.Length < TagSize)
            throw new CryptographicException("The nonce or ciphertext has the wrong length.");

        var plaintext = new byte[sealedBytes.Length - TagSize];
        var associatedData = new byte[AssociatedDataLength(eventName, correlationId)];
        WriteAssociatedData(eventName, correlationId, associatedData);
        using var aes = new AesGcm(dataKey, TagSize);
        aes.Decrypt(nonce, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length),
            plaintext, associatedData);
        return plaintext;
    }

    /// <summary>
    /// A format tag, then each field as a 4-byte big-endian length and its UTF-8 bytes: no two (name, id)
    /// pairs give the same bytes, however the strings are chosen.
    /// </summary>
    private static int AssociatedDataLength(string eventName, string correlationId) =>
        FormatTag.Length + 8
        + Encoding.UTF8.GetByteCount(eventName)
        + Encoding.UTF8.GetByteCount(correlationId);

    private static void WriteAssociatedData(string eventName, string correlationId, Span<byte> data)
    {
        FormatTag.CopyTo(data);
        var rest = data[FormatTag.Length..];
        var nameLength = Encoding.UTF8.GetBytes(eventName, rest[4..]);
        BinaryPrimitives.WriteInt32BigEndian(rest, nameLength);
        rest = rest[(4 + nameLength)..];
        var idLength = Encoding.UTF8.GetBytes(correlationId, rest[4..]);
        BinaryPrimitives.WriteInt32BigEndian(rest, idLength);
    }

    private static AesGcm CipherFor(DataKey key)
    {
        var cached = _cipher;
        if (cached is not null && ReferenceEquals(cached.Key, key))
            return cached.Aes;

        cached?.Aes.Dispose();
        _cipher = cached = new CachedCipher(key, new AesGcm(key.Key, TagSize));
        return cached.Aes;
    }

    private static byte[] FromBase64Url(string value)
    {
        try
        {
            return Base64Url.DecodeFromChars(value);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("The nonce or ciphertext is not base64url.", exception);
        }
    }

    private sealed record CachedCipher(DataKey Key, AesGcm Aes);
}
