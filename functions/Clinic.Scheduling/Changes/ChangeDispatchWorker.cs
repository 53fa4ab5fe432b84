using Microsoft.Extensions.Hosting;

namespace Clinic.Scheduling.Changes;

/// <summary>
/// Publishes, in the background, the changes that requests posted right after their commit. A change it never
/// gets to (the process stops first) stays in the outbox for the sweep.
/// </summary>
internal sealed class ChangeDispatchWorker(ChangeDispatcher dispatcher) : BackgroundService
{
    /// <summary>
    /// Publishing a change is a few storage round trips (one send per consumer's queue, then the outbox row's
    /// delete); one at a time, a busy instance would post changes faster than it publishes them.
    /// </summary>
    private const int Concurrency = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            dispatcher.Committed.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken },
            async (change, token) => await dispatcher.TryDispatchAsync(change, token));
}
