using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Pipeline;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// The real delivery store, except that its first <paramref name="readers"/> reads wait for one another
/// before they return: every claimant then holds the same version of the record, and their writes race.
/// </summary>
internal sealed class RendezvousDeliveryStore(IDeliveryStore inner, int readers) : IDeliveryStore
{
    private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    public async Task<StoredDelivery?> FindAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        var found = await inner.FindAsync(key, cancellationToken);
        var read = Interlocked.Increment(ref _reads);
        if (read == readers)
            _allRead.TrySetResult();
        if (read <= readers)
            await _allRead.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        return found;
    }

    public Task<StoredDelivery?> TryAddAsync(DeliveryRecord record, CancellationToken cancellationToken) =>
        inner.TryAddAsync(record, cancellationToken);

    public Task<StoredDelivery?> ReplaceAsync(
        StoredDelivery current, DeliveryRecord changed, CancellationToken cancellationToken) =>
        inner.ReplaceAsync(current, changed, cancellationToken);

    public Task<IReadOnlyList<DeliveryRecord>> ListForAppointmentAsync(
        string appointmentId, CancellationToken cancellationToken) =>
        inner.ListForAppointmentAsync(appointmentId, cancellationToken);
}
