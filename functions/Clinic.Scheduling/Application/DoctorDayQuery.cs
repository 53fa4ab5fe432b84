using Clinic.Platform.Errors;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Application;

/// <summary>The doctor dashboard's data: the appointments of one day, local to the doctor.</summary>
public sealed class DoctorDayQuery(DoctorDirectory doctors, IAppointmentStore appointments)
{
    public async Task<Result<DoctorDayResponse>> GetAsync(
        string doctorId, string? date, CancellationToken cancellationToken)
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

        // A local day is 23, 24 or 25 hours long; its bounds come from the zone, not from adding 24 hours.
        var from = day.AtStartOfDayInZone(doctor.TimeZone).ToInstant();
        var to = day.PlusDays(1).AtStartOfDayInZone(doctor.TimeZone).ToInstant();
        var booked = await appointments.ListBookedAsync(doctor.Id, from, to, cancellationToken);

        var entries = booked.OrderBy(slot => slot.Start).Select(slot => ToEntry(slot, doctor)).ToList();
        return new DoctorDayResponse(doctor.Id, TimeText.Format(day), doctor.TimeZone.Id, entries);
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
