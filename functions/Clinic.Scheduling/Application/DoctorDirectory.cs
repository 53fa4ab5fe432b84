using Clinic.Scheduling.Caching;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Application;

/// <summary>
/// Doctors' public profiles and rules, through the cache: every slot search and view needs them and they
/// change rarely. A booking or a move checks its slot against <see cref="FindCommittedAsync"/> instead, and the
/// slot rows, never a copy, decide who gets a slot.
/// </summary>
public sealed class DoctorDirectory(IDoctorStore store, SchedulingCache cache)
{
    public Task<DoctorListResponse> ListAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(CacheKeys.DoctorList, ReadListAsync, EstimatedBytes, cancellationToken);

    /// <summary>The doctor, or null; unknown ids are not cached, so a doctor added later is found at once.
    /// </summary>
    public Task<Doctor?> FindAsync(string doctorId, CancellationToken cancellationToken) =>
        cache.GetAsync(
            CacheKeys.Doctor(doctorId),
            token => store.FindAsync(doctorId, token),
            doctor => EstimatedBytes(doctor!),
            cancellationToken);

    /// <summary>
    /// The doctor as stored now, past the cache: what a booking is checked against, so that a day off or a
    /// period just removed on another instance is never booked from a copy that has not expired yet.
    /// </summary>
    public Task<Doctor?> FindCommittedAsync(string doctorId, CancellationToken cancellationToken) =>
        store.FindAsync(doctorId, cancellationToken);

    /// <summary>After a doctor's profile, rules or days off change: all cached of them goes.</summary>
    public Task InvalidateAsync(string doctorId) =>
        cache.InvalidateAsync(
            [CacheKeys.DoctorTag(doctorId), CacheKeys.DoctorsTag],
            [CacheKeys.DoctorList.Key],
            InvalidationReason.DoctorChanged);

    private async Task<DoctorListResponse> ReadListAsync(CancellationToken cancellationToken)
    {
        var doctors = await store.ListAsync(cancellationToken);
        return new DoctorListResponse(doctors
            .OrderBy(d => d.DisplayName, StringComparer.Ordinal)
            .Select(DoctorViews.ToResponse)
            .ToList());
    }

    // Estimates of the bytes an entry keeps alive: object headers, references and UTF-16 strings.
    private static long EstimatedBytes(DoctorListResponse list) =>
        64 + list.Doctors.Sum(d => 96 + (2L * (d.Id.Length + d.DisplayName.Length + d.Specialty.Length)));

    private static long EstimatedBytes(Doctor doctor) =>
        256 + (2L * (doctor.Id.Length + doctor.DisplayName.Length + doctor.Specialty.Length))
        + (64L * doctor.WeeklyAvailability.Count) + (48L * doctor.DaysOff.Count);
}
