using Clinic.Notifications.Senders;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>An email provider that answers <see cref="Next"/> on each call; a throttle is answered once.</summary>
internal sealed class ScriptedSender(SendOutcome first) : IEmailSender
{
    private int _calls;

    public SendOutcome? Next { get; set; } = first;

    public int Calls => Volatile.Read(ref _calls);

    public Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var answer = Next ?? new SendOutcome.Sent("scripted-" + message.IdempotencyKey);
        if (Next is SendOutcome.Throttled)
            Next = null;
        return Task.FromResult(answer);
    }
}
