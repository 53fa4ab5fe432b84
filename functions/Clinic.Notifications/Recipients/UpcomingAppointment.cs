using Clinic.Platform.Privacy;

namespace Clinic.Notifications.Recipients;

/// <summary>An appointment that a reminder may be due for.</summary>
public sealed record UpcomingAppointment(
    string AppointmentId,
    string DoctorId,
    [property: PersonId] string PatientId,
    int Version,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc);
