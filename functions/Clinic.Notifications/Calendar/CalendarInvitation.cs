using Clinic.Platform.Privacy;

namespace Clinic.Notifications.Calendar;

/// <summary>An iCalendar invitation (RFC 5545, with iTIP's method) to attach to an email.</summary>
/// <param name="Method">
/// The iTIP method: <c>REQUEST</c> to add or update the event, <c>CANCEL</c> to remove it.
/// </param>
/// <param name="ContentType">
/// The attachment's MIME type, such as <c>text/calendar; method=REQUEST; charset=utf-8</c>.
/// </param>
/// <param name="Text">The <c>.ics</c> text, with CRLF line ends; it names the patient's address.</param>
public sealed record CalendarInvitation(
    string Method,
    string ContentType,
    [property: PersonalData] string Text);
