namespace Clinic.Platform.Security;

/// <summary>Which Key Vault key wraps the data keys.</summary>
public sealed class KeyVaultKeyOptions
{
    /// <summary>
    /// The key's full id, <c>https://{vault}.vault.azure.net/keys/{name}/{version}</c>. Wrapping needs the
    /// version, so a key rotated in Key Vault is picked up only when this setting changes; unwrapping accepts
    /// any version of the same key in the same vault.
    /// </summary>
    public Uri? KeyId { get; set; }
}
