using Clinic.Scheduling.Changes;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// Fails every publish until healed: the fault between the commit and the enqueue. Once healed it publishes
/// through the app's own queue, as the real publisher does.
/// </summary>
internal sealed class FailingPublisher : IAppointmentChangePublisher
{
    private int _failures;
    private volatile bool _healed;

    public int Failures => Volatile.Read(ref _failures);

    public void Heal() => _healed = true;

    public Task PublishAsync(AppointmentChange change, CancellationToken cancellationToken)
    {
        if (!_healed)
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException("The queue is unreachable (injected).");
        }

        return Inner!.PublishAsync(change, cancellationToken);
    }

    public IAppointmentChangePublisher? Inner { get; set; }
}
