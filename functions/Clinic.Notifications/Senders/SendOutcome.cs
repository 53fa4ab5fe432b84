namespace Clinic.Notifications.Senders;

/// <summary>
/// What became of one send, so the queue knows whether to retry. Codes go to logs and telemetry, so they
/// hold an HTTP status (<c>400</c>), a status with the provider's error code (<c>400:InvalidRequest</c>), a
/// provider's operation error code (<c>EmailDropped</c>), or <c>timeout</c>, <c>network</c> or
/// <c>credential</c>; never an address, a name or any text of the message.
/// </summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <summary>
    /// Accepted for delivery (or written to the outbox). <paramref name="ProviderMessageId"/> is the
    /// provider's id (the email operation id, the SMS message id) or the outbox file name.
    /// </summary>
    public sealed record Sent(string ProviderMessageId) : SendOutcome;

    /// <summary>The provider asked to slow down; try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SendOutcome;

    /// <summary>
    /// Not sent this time, for a reason that may pass: a timeout, a network error, a 5xx or 408, or a 401/403
    /// that a fixed key or role assignment cures. Retry with backoff; the message itself is fine.
    /// </summary>
    public sealed record Transient(string Code) : SendOutcome;

    /// <summary>
    /// The provider refused this message and would refuse it again (an invalid address or number, a malformed
    /// request, an email the service dropped). Do not retry.
    /// </summary>
    public sealed record Permanent(string Code) : SendOutcome;
}
