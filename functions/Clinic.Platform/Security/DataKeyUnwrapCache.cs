using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Clinic.Platform.Security;

/// <summary>
/// Unwraps each data key once for a reader of billing logs: thousands of records share a data key, and each
/// Key Vault unwrap is a call (and an entry in the vault's audit log). A failed unwrap is not remembered.
/// </summary>
public sealed class DataKeyUnwrapCache(IKeyWrapper wrapper)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _keys = new(StringComparer.Ordinal);

    /// <summary>How many data keys were unwrapped (not served from the cache).</summary>
    public int Unwraps => _keys.Count;

    /// <summary>The data key <paramref name="keyRef"/>, unwrapped from <paramref name="wrapped"/>.</summary>
    /// <exception cref="CryptographicException">The wrapped key is not the one named.</exception>
    public async Task<byte[]> GetAsync(string keyRef, WrappedKey wrapped, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyRef);
        ArgumentNullException.ThrowIfNull(wrapped);

        if (DataKey.ReferenceOf(wrapped) != keyRef)
            throw new CryptographicException($"The announced key is not data key {keyRef}.");

        var lazy = _keys.GetOrAdd(
            keyRef, _ => new Lazy<Task<byte[]>>(() => wrapper.UnwrapAsync(wrapped, CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _keys.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(keyRef, lazy));
            throw;
        }
    }
}
