namespace Clinic.Notifications.Senders;

/// <summary>Sends one rendered email.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends <paramref name="message"/> once, however often it is called with the same idempotency key as far
    /// as the implementation can tell. Failures come back as an outcome, not an exception; only a cancelled
    /// <paramref name="cancellationToken"/> or an invalid message throws.
    /// </summary>
    Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
