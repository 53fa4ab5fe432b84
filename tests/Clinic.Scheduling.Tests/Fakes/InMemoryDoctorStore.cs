using System.Collections.Concurrent;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Tests.Fakes;

/// <summary>Doctors in memory; reads are counted.</summary>
internal sealed class InMemoryDoctorStore(IEnumerable<Doctor> doctors) : IDoctorStore
{
    private readonly ConcurrentDictionary<string, Doctor> _doctors =
        new(doctors.ToDictionary(doctor => doctor.Id));

    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Task<IReadOnlyList<Doctor>> ListAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult<IReadOnlyList<Doctor>>(_doctors.Values.ToList());
    }

    public Task<Doctor?> FindAsync(string doctorId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_doctors.GetValueOrDefault(doctorId));
    }

    public Task<bool> AddIfMissingAsync(Doctor doctor, CancellationToken cancellationToken) =>
        Task.FromResult(_doctors.TryAdd(doctor.Id, doctor));
}
