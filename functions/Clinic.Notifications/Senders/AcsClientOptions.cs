using Azure.Core;

namespace Clinic.Notifications.Senders;

/// <summary>
/// Transport and diagnostics of the Azure Communication Services senders. Retries stay off whatever is set
/// here: the notification queue retries with backoff, and a second layer would multiply attempts and hide
/// throttling from it.
/// </summary>
public sealed class AcsClientOptions : ClientOptions
{
    public AcsClientOptions()
    {
        Retry.MaxRetries = 0;

        // Request bodies hold addresses, names and appointment details: never in Azure SDK logs.
        Diagnostics.IsLoggingContentEnabled = false;
    }
}
