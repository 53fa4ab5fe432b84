namespace Clinic.Platform.Security;

/// <summary>
/// How billing log payloads are encrypted. Bound from the <c>BillingLogs</c> section of configuration.
/// </summary>
public sealed class BillingLogOptions
{
    public const string SectionName = "BillingLogs";

    public const string DefaultLocalKeyPath = ".data/keys/billing-log-key.pem";

    /// <summary>
    /// Random 96-bit nonces stay safe for about 2^32 messages per key; the bound keeps a wide margin.
    /// </summary>
    public const int MaxEventsPerDataKeyLimit = 1 << 30;

    /// <summary>
    /// The Key Vault key that wraps data keys, with its version. When unset, a local RSA key file stands in,
    /// which only the Development environment accepts.
    /// </summary>
    public Uri? KeyVaultKeyId { get; set; }

    /// <summary>The local key file; a relative path is taken from the content root.</summary>
    public string LocalKeyPath { get; set; } = DefaultLocalKeyPath;

    /// <summary>A data key is replaced after this many payloads...</summary>
    public int MaxEventsPerDataKey { get; set; } = 100_000;

    /// <summary>...or after this long, whichever comes first.</summary>
    public TimeSpan DataKeyLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the old data key stays in use after a failed rotation before the next try.</summary>
    public TimeSpan RotationRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
