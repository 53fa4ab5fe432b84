namespace Clinic.Scheduling.Domain;

public enum AppointmentStatus
{
    Booked,
    Cancelled,
}
