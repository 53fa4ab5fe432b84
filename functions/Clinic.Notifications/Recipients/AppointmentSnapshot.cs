namespace Clinic.Notifications.Recipients;

/// <summary>An appointment as it stands when a message about it is sent, to recognise stale messages.</summary>
public sealed record AppointmentSnapshot(
    int Version,
    bool IsCancelled,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string DoctorDisplayName,
    string DoctorTimeZone);
