using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Application;

internal static class AppointmentViews
{
    public static AppointmentResponse ToResponse(Appointment appointment, Doctor doctor)
    {
        var localStart = appointment.Start.InZone(doctor.TimeZone);
        return new AppointmentResponse(
            appointment.Id,
            appointment.DoctorId,
            appointment.Status == AppointmentStatus.Booked ? "booked" : "cancelled",
            TimeText.Format(appointment.Start),
            TimeText.Format(appointment.End),
            TimeText.FormatLocal(localStart),
            TimeText.FormatOffset(localStart),
            doctor.TimeZone.Id,
            appointment.Version,
            TimeText.Format(appointment.CreatedAt),
            TimeText.Format(appointment.UpdatedAt),
            appointment.Note);
    }
}
