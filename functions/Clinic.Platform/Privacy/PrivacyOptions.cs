namespace Clinic.Platform.Privacy;

/// <summary>The secret behind pseudonyms. Bound from the <c>Privacy</c> section of configuration.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>A shorter key would make pseudonyms easier to reverse by trying likely ids.</summary>
    public const int MinimumKeyBytes = 32;

    public const string KeyRequirement =
        "Set Privacy:PseudonymKey to base64 of 32 or more random bytes (e.g. from: openssl rand -base64 32).";

    /// <summary>Base64 of <see cref="MinimumKeyBytes"/> or more random bytes; a secret.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>The key's bytes, or null when it is missing, not base64 or too short.</summary>
    public static byte[]? DecodeKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            return null;

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var length) || length < MinimumKeyBytes)
            return null;

        return buffer[..length];
    }
}
