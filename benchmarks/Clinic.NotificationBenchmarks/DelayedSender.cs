using Clinic.Notifications.Senders;

namespace Clinic.NotificationBenchmarks;

/// <summary>
/// A provider that takes <paramref name="delay"/> to accept each message, standing in for a slow email or SMS
/// service: a booking that waited on a send would take at least this long.
/// </summary>
internal sealed class DelayedSender(TimeSpan delay) : IEmailSender, ISmsSender
{
    private int _sent;

    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return new SendOutcome.Sent("delayed-email-" + Interlocked.Increment(ref _sent));
    }

    public async Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return new SendOutcome.Sent("delayed-sms-" + Interlocked.Increment(ref _sent));
    }
}
