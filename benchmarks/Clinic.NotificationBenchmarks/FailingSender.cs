using Clinic.Notifications.Senders;

namespace Clinic.NotificationBenchmarks;

/// <summary>
/// A provider that is down: every send comes back as a transient failure, so every notification is retried
/// until its attempts run out.
/// </summary>
internal sealed class FailingSender : IEmailSender, ISmsSender
{
    public Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Transient("503"));

    public Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Transient("503"));
}
