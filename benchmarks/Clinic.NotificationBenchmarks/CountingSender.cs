using Clinic.Notifications.Senders;

namespace Clinic.NotificationBenchmarks;

/// <summary>
/// Counts what a variant's senders are asked to send, every attempt included, and passes each send on.
/// </summary>
internal sealed class CountingSender(IEmailSender email, ISmsSender sms, SendCounts counts)
    : IEmailSender, ISmsSender
{
    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        counts.AddEmail();
        try
        {
            return await email.SendAsync(message, cancellationToken);
        }
        finally
        {
            counts.Finish();
        }
    }

    public async Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        counts.AddTextMessage();
        try
        {
            return await sms.SendAsync(message, cancellationToken);
        }
        finally
        {
            counts.Finish();
        }
    }
}
