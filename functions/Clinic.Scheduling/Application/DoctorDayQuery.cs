using Clinic.Platform.Errors;
using Clinic.Scheduling.Caching;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;
using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>
/// The doctor dashboard's data: the appointments of one day, local to the doctor. Its schedule comes from the
/// cache; patient ids and notes are personal, so they are never cached and are read from storage each time.
/// </summary>
public sealed class DoctorDayQuery(
    DoctorDirectory doctors, DaySchedules schedules, IAppointmentStore appointments)
{
    /// <summary>
    /// The day's appointments. <paramref name="fromStorage"/> reads them from storage even for a day the cache
    /// knows to be empty: for billing, whose views never rest on a cached value.
    /// </summary>
    public async Task<Result<DoctorDayResponse>> GetAsync(
        string doctorId, string? date, CancellationToken cancellationToken, bool fromStorage = false)
    {
        var errors = new FieldErrors();
        if (!SchedulingIds.IsDoctorId(doctorId))
            errors.Add("doctorId", "Not a doctor id.");
        if (!TimeText.TryParseDate(date, out var day))
            errors.Add("date", "Give a date as yyyy-MM-dd.");
        if (!errors.IsEmpty)
            return errors.ToFailure();

        var doctor = await doctors.FindAsync(doctorId, cancellationToken);
        if (doctor is null)
            return SchedulingFailures.DoctorNotFound;

        var entries = await ReadEntriesAsync(doctor, day, fromStorage, cancellationToken);
        return new DoctorDayResponse(doctor.Id, TimeText.Format(day), doctor.TimeZone.Id, entries);
    }

    private async Task<List<DoctorDayEntry>> ReadEntriesAsync(
        Doctor doctor, LocalDate day, bool fromStorage, CancellationToken cancellationToken)
    {
        // A day without appointments has nothing personal to show: the cached schedule answers it alone.
        var schedule = schedules.Cached && !fromStorage
            ? await schedules.GetAsync(doctor, day, CacheViews.DoctorDay, cancellationToken)
            : null;
        if (schedule?.Slots.Count == 0)
            return [];

        // A local day is 23, 24 or 25 hours long; its bounds come from the zone, not from adding 24 hours.
        var from = day.AtStartOfDayInZone(doctor.TimeZone).ToInstant();
        var to = day.PlusDays(1).AtStartOfDayInZone(doctor.TimeZone).ToInstant();
        var booked = await appointments.ListBookedAsync(doctor.Id, from, to, cancellationToken);

        // Fresh rows that differ show a change made on another instance: slot searches here see it at once.
        if (schedule is not null && !schedule.Matches(booked))
            await schedules.InvalidateDaysAsync(doctor.Id, [day], InvalidationReason.ScheduleDiffered);

        return booked.OrderBy(slot => slot.Start).Select(slot => ToEntry(slot, doctor)).ToList();
    }

    private static DoctorDayEntry ToEntry(BookedSlot slot, Doctor doctor)
    {
        var localStart = slot.Start.InZone(doctor.TimeZone);
        return new DoctorDayEntry(
            slot.AppointmentId,
            slot.PatientId,
            TimeText.Format(slot.Start),
            TimeText.Format(slot.End),
            TimeText.FormatLocal(localStart),
            TimeText.FormatOffset(localStart),
            AppointmentViews.StatusText(slot.Status),
            slot.Note);
    }
}
