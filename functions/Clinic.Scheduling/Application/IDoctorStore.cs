using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Application;

public interface IDoctorStore
{
    Task<IReadOnlyList<Doctor>> ListAsync(CancellationToken cancellationToken);

    Task<Doctor?> FindAsync(string doctorId, CancellationToken cancellationToken);

    /// <summary>Adds the doctor unless one with the same id exists; returns whether it was added.</summary>
    Task<bool> AddIfMissingAsync(Doctor doctor, CancellationToken cancellationToken);
}
