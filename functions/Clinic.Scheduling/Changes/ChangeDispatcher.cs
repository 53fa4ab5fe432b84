using System.Threading.Channels;
using Clinic.Scheduling.Application;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Scheduling.Changes;

/// <summary>
/// Moves committed changes from the outbox to the publisher. A change just committed is handed to
/// <see cref="ChangeDispatchWorker"/> in memory and published in the background, so the request that made it
/// answers after its own storage writes only. What that misses (a crash, a full buffer, a queue outage) the
/// periodic sweep publishes from the outbox, so no change is lost; one may be published twice.
/// </summary>
public sealed class ChangeDispatcher(
    IChangeOutbox outbox,
    IAppointmentChangePublisher publisher,
    TimeProvider time,
    IOptions<SchedulingOptions> options,
    ILogger<ChangeDispatcher> logger)
{
    private const int SweepBatch = 200;
    private const int BufferSize = 1_000;

    // Wait mode, because only there TryWrite answers false when the buffer is full (the drop modes drop an item
    // and answer true); Post never waits, it uses TryWrite alone.
    private readonly Channel<AppointmentChange> _committed = Channel.CreateBounded<AppointmentChange>(
        new BoundedChannelOptions(BufferSize) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    /// <summary>The changes waiting for the background publish.</summary>
    internal ChannelReader<AppointmentChange> Committed => _committed.Reader;

    /// <summary>
    /// Hands a change just committed to the background publish, without waiting; a full buffer leaves it to
    /// the sweep.
    /// </summary>
    public void Post(AppointmentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);

        if (!_committed.Writer.TryWrite(change))
            Log.ChangeDispatchDeferred(logger, change.Id, change.Kind, "BufferFull");
    }

    /// <summary>
    /// Publishes a change and forgets its outbox row; true when published, false when left to the sweep.
    /// </summary>
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
