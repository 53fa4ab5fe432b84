namespace Clinic.Platform.Security;

/// <summary>
/// A payload sealed with AES-256-GCM: the key-encryption key's id, the data key's reference, the 12-byte
/// nonce and the ciphertext with its 16-byte tag appended, both base64url without padding (RFC 4648, 5).
/// </summary>
public sealed record EncryptedPayload(string KeyId, string KeyRef, string Nonce, string Ciphertext);
