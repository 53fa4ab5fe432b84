using System.Globalization;
using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Pipeline;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>
/// Delivery records in memory, under the table's rules: one insert per key, and a replace only from the
/// version read (a new version token on every write).
/// </summary>
internal sealed class InMemoryDeliveryStore : IDeliveryStore
{
    private readonly Dictionary<DeliveryKey, StoredDelivery> _records = [];
    private int _versions;

    public Task<StoredDelivery?> TryAddAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            if (_records.TryGetValue(record.Key, out var existing))
                return Task.FromResult<StoredDelivery?>(existing);

            _records[record.Key] = Stamp(record);
            return Task.FromResult<StoredDelivery?>(null);
        }
    }

    public Task<StoredDelivery?> FindAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        lock (_records)
            return Task.FromResult(_records.GetValueOrDefault(key));
    }

    public Task<StoredDelivery?> ReplaceAsync(
        StoredDelivery current, DeliveryRecord changed, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            if (!_records.TryGetValue(changed.Key, out var stored)
                || stored.ConcurrencyToken != current.ConcurrencyToken)
            {
                return Task.FromResult<StoredDelivery?>(null);
            }

            var replaced = Stamp(changed);
            _records[changed.Key] = replaced;
            return Task.FromResult<StoredDelivery?>(replaced);
        }
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListForAppointmentAsync(
        string appointmentId, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            IReadOnlyList<DeliveryRecord> records = _records.Values.Select(stored => stored.Record)
                .Where(record => record.Key.AppointmentId == appointmentId).ToList();
            return Task.FromResult(records);
        }
    }

    private StoredDelivery Stamp(DeliveryRecord record) =>
        new(record, (++_versions).ToString(CultureInfo.InvariantCulture));
}
