using Clinic.Notifications.Content;
using Clinic.Platform.Privacy;

namespace Clinic.Notifications.Pipeline;

/// <summary>
/// Something a patient should hear about, as it travels on the events queue: ids and times only. Names,
/// addresses and languages are read when the message is sent, so a queue never holds personal data.
/// </summary>
public sealed record NotificationEvent(
    string EventId,
    NotificationKind Kind,
    string AppointmentId,
    string DoctorId,
    [property: PersonId] string PatientId,
    int Version,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    DateTimeOffset? PreviousStartUtc);
