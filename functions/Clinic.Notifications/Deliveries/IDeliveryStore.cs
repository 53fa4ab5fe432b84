namespace Clinic.Notifications.Deliveries;

/// <summary>Delivery records: inserted once per key, then changed only from the version read.</summary>
public interface IDeliveryStore
{
    /// <summary>Inserts the record; null when added, else the record an earlier insert left.</summary>
    Task<StoredDelivery?> TryAddAsync(DeliveryRecord record, CancellationToken cancellationToken);

    Task<StoredDelivery?> FindAsync(Pipeline.DeliveryKey key, CancellationToken cancellationToken);

    /// <summary>Replaces the record if it is still the version read; null when someone changed it meanwhile.</summary>
    Task<StoredDelivery?> ReplaceAsync(
        StoredDelivery current, DeliveryRecord changed, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryRecord>> ListForAppointmentAsync(
        string appointmentId, CancellationToken cancellationToken);
}
