namespace Clinic.Platform.Security;

/// <summary>
/// A key-encryption key that wraps and unwraps data keys: Key Vault in Azure, a local RSA key on a
/// developer machine. Implementations never log the key they wrap, and unwrap only what their own key
/// wrapped.
/// </summary>
public interface IKeyWrapper
{
    /// <summary>Names the key-encryption key; stored with every wrapped key and encrypted record.</summary>
    string KeyId { get; }

    /// <summary>Encrypts <paramref name="key"/> (a data key) under the key-encryption key.</summary>
    Task<WrappedKey> WrapAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken);

    /// <summary>Recovers a data key that this key-encryption key (any version of it) wrapped.</summary>
    Task<byte[]> UnwrapAsync(WrappedKey wrapped, CancellationToken cancellationToken);
}
