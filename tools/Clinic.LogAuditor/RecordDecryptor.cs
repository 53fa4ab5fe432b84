using System.Security.Cryptography;
using Azure;
using Azure.Identity;
using Clinic.Platform.Security;

namespace Clinic.LogAuditor;

/// <summary>
/// Decrypts records with the announced data keys, unwrapping each key once. A key that cannot be unwrapped
/// is not asked for again: with Key Vault, every record would otherwise cost a refused call.
/// </summary>
internal sealed class RecordDecryptor(
    DataKeyUnwrapCache cache, IReadOnlyDictionary<string, WrappedKey> announced)
{
    private readonly Dictionary<string, string> _unusableKeys = new(StringComparer.Ordinal);

    /// <summary>The plaintext, or null and why not (never a payload value).</summary>
    public async Task<(byte[]? Plaintext, string? Reason)> DecryptAsync(EncryptedRecord record)
    {
        var keyRef = record.Payload.KeyRef;
        if (_unusableKeys.TryGetValue(keyRef, out var known))
            return (null, known);

        if (!announced.TryGetValue(keyRef, out var wrapped))
            return (null, Unusable(keyRef, $"data key {keyRef} is not announced in the files read"));

        if (wrapped.KeyId != record.Payload.KeyId)
        {
            return (null, $"the record names key {record.Payload.KeyId}, but data key {keyRef} was wrapped " +
                $"by {wrapped.KeyId}");
        }

        byte[] key;
        try
        {
            key = await cache.GetAsync(keyRef, wrapped, CancellationToken.None);
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException
            or CryptographicException or ArgumentException or InvalidOperationException)
        {
            return (null, Unusable(keyRef, $"data key {keyRef} could not be unwrapped: {exception.Message}"));
        }

        try
        {
            var plaintext = EnvelopeEncryptor.Decrypt(
                key, record.EventName, record.CorrelationId, record.Payload);
            return (plaintext, null);
        }
        catch (CryptographicException)
        {
            return (null,
                "the record does not authenticate: altered, moved from another record, or another key");
        }
    }

    private string Unusable(string keyRef, string reason)
    {
        _unusableKeys[keyRef] = reason;
        return reason;
    }
}
