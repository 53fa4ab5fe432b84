using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Clinic.Scheduling.Application;

/// <summary>
/// Doctors' public profiles and rules. A profile read for a booking or a slot search is reused for a short,
/// configured lifetime: rules change rarely, and the slot rows, never this copy, decide who gets a slot.
/// </summary>
public sealed class DoctorDirectory(
    IDoctorStore store,
    IMemoryCache memory,
    IOptions<SchedulingOptions> options)
{
    public async Task<DoctorListResponse> ListAsync(CancellationToken cancellationToken)
    {
        var doctors = await store.ListAsync(cancellationToken);
        return new DoctorListResponse(doctors
            .OrderBy(d => d.DisplayName, StringComparer.Ordinal)
            .Select(ToResponse)
            .ToList());
    }

    public async Task<Doctor?> FindAsync(string doctorId, CancellationToken cancellationToken)
    {
        if (memory.TryGetValue(CacheKey(doctorId), out Doctor? cached))
            return cached;

        var doctor = await store.FindAsync(doctorId, cancellationToken);
        if (doctor is not null)
            memory.Set(CacheKey(doctorId), doctor, options.Value.DoctorProfileLifetime);
        return doctor;
    }

    private static DoctorResponse ToResponse(Doctor doctor) =>
        new(doctor.Id, doctor.DisplayName, doctor.Specialty, doctor.TimeZone.Id);

    private static string CacheKey(string doctorId) => $"scheduling:doctor:{doctorId}";
}
