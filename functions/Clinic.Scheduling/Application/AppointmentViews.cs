using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Application;

internal static class AppointmentViews
{
    public static string StatusText(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "booked",
        AppointmentStatus.Cancelled => "cancelled",
        AppointmentStatus.Completed => "completed",
        _ => "no-show",
    };

    public static AppointmentResponse ToResponse(Appointment appointment, Doctor doctor)
    {
        var localStart = appointment.Start.InZone(doctor.TimeZone);
        return new AppointmentResponse(
            appointment.Id,
            appointment.DoctorId,
            StatusText(appointment.Status),
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
