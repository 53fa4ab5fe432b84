using Clinic.Scheduling.Application;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Scheduling.Changes;

/// <summary>
/// Moves committed changes from the outbox to the publisher. Right after a commit it tries once, without
/// letting a failure reach the caller (the change is committed; the booking stands). What that attempt misses
/// (a crash, a queue outage) the periodic sweep publishes later, so no change is lost; one may be published twice.
/// </summary>
public sealed class ChangeDispatcher(
    IChangeOutbox outbox,
    IAppointmentChangePublisher publisher,
    TimeProvider time,
    IOptions<SchedulingOptions> options,
    ILogger<ChangeDispatcher> logger)
{
    private const int SweepBatch = 200;

    /// <summary>Publishes a change just committed; true when published, false when left to the sweep.</summary>
    public async Task<bool> TryDispatchAsync(AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);

        try
        {
            await publisher.PublishAsync(change, cancellationToken);
            await outbox.RemoveAsync(change, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ChangeDispatchDeferred(logger, change.Id, change.Kind, exception.GetType().Name);
            return false;
        }
    }

    /// <summary>Publishes what the fast path left behind; returns how many changes it published.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var committedBefore = time.GetUtcNow() - options.Value.OutboxSweepDelay;
        var pending = await outbox.ListPendingAsync(committedBefore, SweepBatch, cancellationToken);
        var published = 0;
        foreach (var change in pending)
        {
            await publisher.PublishAsync(change, cancellationToken);
            await outbox.RemoveAsync(change, cancellationToken);
            published++;
        }

        if (published > 0)
            Log.ChangesSwept(logger, published);
        return published;
    }
}
