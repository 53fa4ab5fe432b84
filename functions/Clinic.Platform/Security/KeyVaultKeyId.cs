using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Clinic.Platform.Security;

/// <summary>
/// A Key Vault key id taken apart: <c>https://{vault}/keys/{name}[/{version}]</c>. Only HTTPS ids without
/// query, fragment or credentials parse, so a bearer token is never sent anywhere else.
/// </summary>
public sealed partial class KeyVaultKeyId
{
    private KeyVaultKeyId(Uri vaultUri, string name, string? version)
    {
        VaultUri = vaultUri;
        Name = name;
        Version = version;
    }

    /// <summary>The vault's base address, e.g. <c>https://clinic-kv.vault.azure.net/</c>.</summary>
    public Uri VaultUri { get; }

    public string Name { get; }

    /// <summary>Null for an id that names the key but not one of its versions.</summary>
    public string? Version { get; }

    /// <summary>The id in Key Vault's own spelling, without a trailing slash.</summary>
    public string Id => $"{VaultUri.GetLeftPart(UriPartial.Authority)}/keys/{Name}" +
        (Version is null ? "" : "/" + Version);

    public static KeyVaultKeyId Parse(Uri keyId) =>
        TryParse(keyId, out var parsed)
            ? parsed
            : throw new ArgumentException(
                "A Key Vault key id looks like https://{vault}.vault.azure.net/keys/{name}/{version}.",
                nameof(keyId));

    public static bool TryParse(Uri? keyId, [NotNullWhen(true)] out KeyVaultKeyId? parsed)
    {
        parsed = null;
        if (keyId is null || !keyId.IsAbsoluteUri || keyId.Scheme != Uri.UriSchemeHttps
            || keyId.UserInfo.Length > 0 || keyId.Query.Length > 0 || keyId.Fragment.Length > 0)
        {
            return false;
        }

        var segments = keyId.AbsolutePath.Trim('/').Split('/');
        if (segments.Length is < 2 or > 3 || segments[0] != "keys" || !KeyName().IsMatch(segments[1]))
            return false;

        if (segments.Length == 3 && !KeyVersion().IsMatch(segments[2]))
            return false;

        var vault = new Uri(keyId.GetLeftPart(UriPartial.Authority) + "/");
        parsed = new KeyVaultKeyId(vault, segments[1], segments.Length == 3 ? segments[2] : null);
        return true;
    }

    /// <summary>Whether <paramref name="other"/> is a version of this key in this vault.</summary>
    public bool IsSameKey(KeyVaultKeyId other)
    {
        ArgumentNullException.ThrowIfNull(other);

        return Uri.Compare(VaultUri, other.VaultUri, UriComponents.SchemeAndServer,
                UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => Id;

    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$")]
    private static partial Regex KeyName();

    [GeneratedRegex("^[0-9A-Za-z]{1,64}$")]
    private static partial Regex KeyVersion();
}
