using Azure.Core;

namespace Clinic.Platform.Security;

/// <summary>Transport, retry and diagnostics settings of <see cref="KeyVaultKeyWrapper"/>.</summary>
public sealed class KeyVaultKeyClientOptions : ClientOptions
{
    public const string DefaultApiVersion = "7.5";

    public KeyVaultKeyClientOptions()
    {
        // A wrap happens on a billing request's thread, once per data key: a few quick retries ride out a
        // throttled or restarting vault, and a bounded timeout keeps that request from hanging on it.
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 3;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(2);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(10);

        // Request bodies carry the data key in clear: they must never reach Azure SDK logs.
        Diagnostics.IsLoggingContentEnabled = false;
    }

    /// <summary>The Key Vault REST API version sent with every call.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;
}
