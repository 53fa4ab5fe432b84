namespace Clinic.Scheduling.Domain;

public enum AppointmentStatus
{
    Booked,
    Cancelled,

    /// <summary>The doctor saw the patient.</summary>
    Completed,

    /// <summary>The patient did not come.</summary>
    NoShow,
}
