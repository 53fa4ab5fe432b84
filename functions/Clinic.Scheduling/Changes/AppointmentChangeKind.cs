namespace Clinic.Scheduling.Changes;

/// <summary>What happened to an appointment, as other modules (notifications) hear of it.</summary>
public enum AppointmentChangeKind
{
    Booked,
    Rescheduled,
    Cancelled,
}
