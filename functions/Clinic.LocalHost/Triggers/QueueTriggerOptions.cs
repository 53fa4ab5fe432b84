using Azure.Storage.Queues;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// How queue-triggered functions receive, retry and give up on messages: the <c>extensions.queues</c>
/// settings of host.json, with the same names and defaults as the Azure Functions host. The local host reads
/// them from host.json, then lets <c>LocalHost:Queues:*</c> settings override them (tests poll faster that
/// way).
/// </summary>
public sealed class QueueTriggerOptions
{
    /// <summary>The host.json section, as a configuration path.</summary>
    public const string HostJsonSection = "extensions:queues";

    /// <summary>The local host's overrides, for tests and experiments.</summary>
    public const string OverrideSection = "LocalHost:Queues";

    /// <summary>Attempts at a message before it is moved to the queue's <c>-poison</c> twin.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a message that failed stays invisible before its next attempt.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Messages received, and run side by side, at once; Azure Storage allows 1 to 32.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>The longest wait between two polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Base64 (the host's default) or None, which producers and both hosts must agree on.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
