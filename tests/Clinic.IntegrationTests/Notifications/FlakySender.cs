using Clinic.Notifications.Senders;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>An email provider that fails transiently a given number of times, then accepts.</summary>
internal sealed class FlakySender(int failures) : IEmailSender
{
    private int _calls;
    private int _delivered;

    public int Calls => Volatile.Read(ref _calls);

    public int Delivered => Volatile.Read(ref _delivered);

    public Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= failures)
            return Task.FromResult<SendOutcome>(new SendOutcome.Transient("503"));

        Interlocked.Increment(ref _delivered);
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent("flaky-" + message.IdempotencyKey));
    }
}
