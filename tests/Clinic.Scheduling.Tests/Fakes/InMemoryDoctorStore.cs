using System.Collections.Concurrent;
using System.Globalization;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Tests.Fakes;

/// <summary>
/// Doctors in memory; reads are counted. Each doctor has an availability version and a concurrency token that
/// every replace changes, so a replace with a token that is no longer current fails as on storage.
/// </summary>
internal sealed class InMemoryDoctorStore(IEnumerable<Doctor> doctors) : IDoctorStore
{
    private readonly ConcurrentDictionary<string, StoredDoctor> _doctors =
        new(doctors.ToDictionary(doctor => doctor.Id, doctor => Stored(doctor, 1)));

    private int _reads;
    private int _tokens;

    public int Reads => Volatile.Read(ref _reads);

    public Task<IReadOnlyList<Doctor>> ListAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        var doctors = _doctors.Values.Select(stored => stored.Doctor).ToList();
        return Task.FromResult<IReadOnlyList<Doctor>>(doctors);
    }

    public Task<Doctor?> FindAsync(string doctorId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_doctors.GetValueOrDefault(doctorId)?.Doctor);
    }

    public Task<bool> AddIfMissingAsync(Doctor doctor, CancellationToken cancellationToken) =>
        Task.FromResult(_doctors.TryAdd(doctor.Id, Stored(doctor, 1)));

    public Task<StoredDoctor?> FindStoredAsync(string doctorId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_doctors.GetValueOrDefault(doctorId));
    }

    public Task<DoctorWriteOutcome> TryReplaceAsync(
        StoredDoctor current, Doctor updated, int availabilityVersion, CancellationToken cancellationToken)
    {
        if (!_doctors.TryGetValue(updated.Id, out var stored))
            return Task.FromResult(DoctorWriteOutcome.NotFound);

        var replacement = Stored(updated, availabilityVersion, Interlocked.Increment(ref _tokens));
        var replaced = stored.ConcurrencyToken == current.ConcurrencyToken
            && _doctors.TryUpdate(updated.Id, replacement, stored);
        return Task.FromResult(replaced ? DoctorWriteOutcome.Done : DoctorWriteOutcome.Changed);
    }

    /// <summary>Changes a doctor behind the service's back, as another instance would.</summary>
    public void Replace(Doctor doctor)
    {
        var stored = _doctors[doctor.Id];
        var token = Interlocked.Increment(ref _tokens);
        _doctors[doctor.Id] = Stored(doctor, stored.AvailabilityVersion + 1, token);
    }

    private static StoredDoctor Stored(Doctor doctor, int version, int token = 0) =>
        new(doctor, version, $"{doctor.Id}:{token.ToString(CultureInfo.InvariantCulture)}");
}
