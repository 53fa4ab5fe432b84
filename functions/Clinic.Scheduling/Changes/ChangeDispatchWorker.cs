using Microsoft.Extensions.Hosting;

namespace Clinic.Scheduling.Changes;

/// <summary>
/// Publishes, in the background, the changes that requests posted right after their commit. A change it never
/// gets to (the process stops first) stays in the outbox for the sweep. One change at a time: publishing four
/// at once made Azurite, single-threaded, answer bookings so slowly that the storage circuit opened (the
/// notification benchmark failed); what a burst leaves in the buffer's overflow the sweep publishes.
/// </summary>
internal sealed class ChangeDispatchWorker(ChangeDispatcher dispatcher) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in dispatcher.Committed.ReadAllAsync(stoppingToken))
            await dispatcher.TryDispatchAsync(change, stoppingToken);
    }
}
