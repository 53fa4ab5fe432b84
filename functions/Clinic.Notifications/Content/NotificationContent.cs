using Clinic.Platform.Privacy;
using NodaTime;

namespace Clinic.Notifications.Content;

/// <summary>
/// Everything a notification template may show. Templates see no other value, and no free text typed by a
/// user (such as an appointment note) is part of it.
/// </summary>
/// <param name="Kind">Which notification this is.</param>
/// <param name="AppointmentId">The appointment's id, the stable part of the calendar event's UID.</param>
/// <param name="Sequence">
/// The appointment's version, which grows with each change; calendar clients replace an event only with a
/// higher one.
/// </param>
/// <param name="PatientDisplayName">The patient's name; empty or null gives a greeting with no name.</param>
/// <param name="DoctorDisplayName">The doctor's name as the clinic shows it: <c>Dr. Claire Dubois</c>.</param>
/// <param name="Start">When the appointment starts.</param>
/// <param name="End">When the appointment ends.</param>
/// <param name="PreviousStart">For a reschedule, when the appointment started before it was moved.</param>
/// <param name="TimeZoneId">
/// The IANA zone the times are shown in: the patient's. Choosing the doctor's zone when the patient's is
/// unknown is the caller's decision.
/// </param>
/// <param name="Locale">
/// The patient's culture name, such as <c>fr-CA</c>; a null or unknown one gives en-US.
/// </param>
/// <param name="ClinicName">The clinic's name, as the sender of the message.</param>
public sealed record NotificationContent(
    NotificationKind Kind,
    string AppointmentId,
    int Sequence,
    [property: PersonalData] string? PatientDisplayName,
    string DoctorDisplayName,
    Instant Start,
    Instant End,
    Instant? PreviousStart,
    string TimeZoneId,
    string? Locale,
    string ClinicName);
