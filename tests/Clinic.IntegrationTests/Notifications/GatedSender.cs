using Clinic.IntegrationTests.Infrastructure;
using Clinic.Notifications.Senders;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// An email provider that holds every send until the test opens its gate, so that whatever else handles the
/// same delivery meanwhile overlaps with a send in flight. Counts the sends that reached it. The first
/// <paramref name="failuresFirst"/> sends fail at once, transiently, as a provider that is down.
/// </summary>
internal sealed class GatedSender(int failuresFirst = 0) : IEmailSender
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when the first send has reached the gate (and waits there).</summary>
    public Task Entered => _entered.Task;

    public void Open() => _gate.TrySetResult();

    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        if (Interlocked.Increment(ref _calls) <= failuresFirst)
            return new SendOutcome.Transient("503");

        _entered.TrySetResult();
        // Bounded, so that a send the test never meant to let through fails the test instead of hanging it.
        await _gate.Task.WaitAsync(Poll.Bound, cancellationToken);
        return new SendOutcome.Sent("gated-" + message.IdempotencyKey);
    }
}
