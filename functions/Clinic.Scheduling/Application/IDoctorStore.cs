using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Application;

public interface IDoctorStore
{
    Task<IReadOnlyList<Doctor>> ListAsync(CancellationToken cancellationToken);

    Task<Doctor?> FindAsync(string doctorId, CancellationToken cancellationToken);

    /// <summary>Adds the doctor unless one with the same id exists; returns whether it was added.</summary>
    Task<bool> AddIfMissingAsync(Doctor doctor, CancellationToken cancellationToken);

    /// <summary>The doctor with its availability version and concurrency token, or null.</summary>
    Task<StoredDoctor?> FindStoredAsync(string doctorId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the doctor with <paramref name="updated"/> at <paramref name="availabilityVersion"/>, only if
    /// it is still as <paramref name="current"/> was read.
    /// </summary>
    Task<DoctorWriteOutcome> TryReplaceAsync(
        StoredDoctor current, Doctor updated, int availabilityVersion, CancellationToken cancellationToken);
}
