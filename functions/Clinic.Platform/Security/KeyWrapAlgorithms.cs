namespace Clinic.Platform.Security;

/// <summary>Key wrap algorithm names as Key Vault spells them (JSON Web Algorithms).</summary>
public static class KeyWrapAlgorithms
{
    /// <summary>RSA-OAEP with SHA-256 and MGF1 with SHA-256; the only one this code wraps with.</summary>
    public const string RsaOaep256 = "RSA-OAEP-256";
}
