namespace Clinic.Platform.Security;

/// <summary>
/// A data key encrypted under a key-encryption key: which key (<paramref name="KeyId"/>, with its Key Vault
/// version), which algorithm, and the encrypted bytes. Safe to log: it reveals nothing
/// without access to the key-encryption key.
/// </summary>
public sealed record WrappedKey(string KeyId, string Algorithm, byte[] Value);
