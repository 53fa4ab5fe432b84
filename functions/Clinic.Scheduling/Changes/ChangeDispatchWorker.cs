using Microsoft.Extensions.Hosting;

namespace Clinic.Scheduling.Changes;

/// <summary>
/// Publishes, in the background, the changes that requests posted right after their commit. A change it never
/// gets to (the process stops first) stays in the outbox for the sweep.
/// </summary>
internal sealed class ChangeDispatchWorker(ChangeDispatcher dispatcher) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in dispatcher.Committed.ReadAllAsync(stoppingToken))
            await dispatcher.TryDispatchAsync(change, stoppingToken);
    }
}
