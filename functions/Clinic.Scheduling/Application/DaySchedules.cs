using Clinic.Scheduling.Caching;
using Clinic.Scheduling.Domain;
using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>
/// A doctor's held slots per local day, through the cache: one entry per doctor and day, shared by slot
/// searches and the doctor's day, invalidated by every change of that day right after it commits.
/// </summary>
public sealed class DaySchedules(SchedulingCache cache, IAppointmentStore store)
{
    public bool Cached => cache.Enabled;

    /// <summary>The schedules of the doctor's local <paramref name="days"/>, in ascending order.</summary>
    public async Task<IReadOnlyList<DaySchedule>> GetAsync(
        Doctor doctor, IReadOnlyList<LocalDate> days, string view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doctor);
        ArgumentNullException.ThrowIfNull(days);

        if (days.Count == 0)
            return [];
        if (!cache.Enabled)
            return await ReadRangeAsync(doctor, days, cancellationToken);

        // Started together, so that the days missing from the cache are read in parallel.
        var reads = days.Select(day => GetAsync(doctor, day, view, cancellationToken)).ToList();
        return await Task.WhenAll(reads);
    }

    public Task<DaySchedule> GetAsync(
        Doctor doctor, LocalDate day, string view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doctor);

        return cache.GetAsync(
            CacheKeys.Day(doctor.Id, day, view),
            token => ReadDayAsync(doctor, day, token),
            schedule => schedule.EstimatedBytes,
            cancellationToken);
    }

    /// <summary>Invalidates the local days of the doctor on which <paramref name="starts"/> fall.</summary>
    public Task InvalidateAsync(Doctor doctor, InvalidationReason reason, params Instant[] starts)
    {
        ArgumentNullException.ThrowIfNull(doctor);
        ArgumentNullException.ThrowIfNull(starts);

        var days = starts.Select(start => start.InZone(doctor.TimeZone).Date).Distinct().ToList();
        return InvalidateDaysAsync(doctor.Id, days, reason);
    }

    public Task InvalidateDaysAsync(string doctorId, IReadOnlyList<LocalDate> days, InvalidationReason reason)
    {
        ArgumentNullException.ThrowIfNull(days);

        return cache.InvalidateAsync(
            days.Select(day => CacheKeys.DayTag(doctorId, day)).ToList(),
            days.Select(day => CacheKeys.DayKey(doctorId, day)).ToList(),
            reason);
    }

    private async Task<DaySchedule> ReadDayAsync(
        Doctor doctor, LocalDate day, CancellationToken cancellationToken)
    {
        var (from, to) = Bounds(doctor, day, day);
        return DaySchedule.From(await store.ListBookedAsync(doctor.Id, from, to, cancellationToken));
    }

    // Without the cache: one storage query for the whole range, as before the cache existed.
    private async Task<IReadOnlyList<DaySchedule>> ReadRangeAsync(
        Doctor doctor, IReadOnlyList<LocalDate> days, CancellationToken cancellationToken)
    {
        var (from, to) = Bounds(doctor, days[0], days[^1]);
        var booked = await store.ListBookedAsync(doctor.Id, from, to, cancellationToken);
        var byDay = booked.ToLookup(slot => slot.Start.InZone(doctor.TimeZone).Date);
        return days.Select(day => DaySchedule.From(byDay[day])).ToList();
    }

    // A local day is 23, 24 or 25 hours long; its bounds come from the zone, not from adding 24 hours.
    private static (Instant From, Instant To) Bounds(Doctor doctor, LocalDate first, LocalDate last) =>
        (first.AtStartOfDayInZone(doctor.TimeZone).ToInstant(),
            last.PlusDays(1).AtStartOfDayInZone(doctor.TimeZone).ToInstant());
}
