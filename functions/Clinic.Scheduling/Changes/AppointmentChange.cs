using System.Globalization;
using Clinic.Platform.Privacy;
using Clinic.Scheduling.Domain;
using NodaTime;

namespace Clinic.Scheduling.Changes;

/// <summary>
/// One committed change of an appointment: ids, times and the version it produced; never a note or a name.
/// It is written in the same transaction as the change (the outbox), then published for other modules.
/// <see cref="Id"/> is derived from appointment and version, so publishing it twice names one change.
/// </summary>
public sealed record AppointmentChange(
    string Id,
    AppointmentChangeKind Kind,
    string AppointmentId,
    string DoctorId,
    [property: PersonId] string PatientId,
    int Version,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    DateTimeOffset? PreviousStartUtc,
    DateTimeOffset OccurredAt)
{
    public static AppointmentChange Of(AppointmentChangeKind kind, Appointment changed, Instant? previousStart) =>
        new(IdFor(changed.Id, changed.Version), kind, changed.Id, changed.DoctorId, changed.PatientId,
            changed.Version, changed.Start.ToDateTimeOffset(), changed.End.ToDateTimeOffset(),
            previousStart?.ToDateTimeOffset(), changed.UpdatedAt.ToDateTimeOffset());

    public static string IdFor(string appointmentId, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{appointmentId}-v{version}");
}
