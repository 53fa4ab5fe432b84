using System.Net.Mail;
using Clinic.Notifications.Content;
using Clinic.Notifications.Templates;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;

namespace Clinic.Notifications.Calendar;

/// <summary>
/// Builds the calendar invitation sent with appointment emails. Every message about one appointment
/// carries the same UID, <c>appointment-&lt;id&gt;@&lt;domain&gt;</c>, and the appointment's version as
/// SEQUENCE, so a calendar updates or removes the event it already has instead of adding another.
/// Confirmations, reschedules and reminders are REQUESTs; a cancellation is a CANCEL with STATUS:CANCELLED.
/// Times are written in UTC.
/// </summary>
public sealed class AppointmentInvitation
{
    private const string ProductId = "-//Clinic//Appointment notifications//EN";

    private readonly NotificationRenderer _renderer;
    private readonly string _uidDomain;
    private readonly string _organizerEmail;

    /// <summary>Creates the builder.</summary>
    /// <param name="renderer">Renders the event's localized title.</param>
    /// <param name="uidDomain">
    /// A domain the clinic owns, such as its mail domain; it makes the UIDs unique worldwide and must stay
    /// the same for as long as any invitation is in a calendar, or updates would no longer match their event.
    /// </param>
    /// <param name="organizerEmail">The clinic's sending address, as the event's organizer.</param>
    public AppointmentInvitation(NotificationRenderer renderer, string uidDomain, string organizerEmail)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        if (Uri.CheckHostName(uidDomain) != UriHostNameType.Dns)
            throw new ArgumentException("The UID domain must be a DNS name.", nameof(uidDomain));

        if (!MailAddress.TryCreate(organizerEmail, out _))
            throw new ArgumentException("The organizer must be an email address.", nameof(organizerEmail));

        _renderer = renderer;
        _uidDomain = uidDomain.ToLowerInvariant();
        _organizerEmail = organizerEmail;
    }

    /// <summary>Builds the invitation for one notification.</summary>
    /// <param name="content">The appointment, as the email's templates see it.</param>
    /// <param name="attendeeEmail">The patient's address, the one the email goes to.</param>
    /// <param name="stamp">When this invitation is created (DTSTAMP).</param>
    public CalendarInvitation Build(NotificationContent content, string attendeeEmail, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!MailAddress.TryCreate(attendeeEmail, out _))
            throw new ArgumentException("The attendee must be an email address.", nameof(attendeeEmail));

        var cancelled = content.Kind == NotificationKind.Cancellation;
        var method = cancelled ? CalendarMethods.Cancel : CalendarMethods.Request;
        var calendar = new IcalCalendar { Method = method, ProductId = ProductId };
        calendar.Events.Add(Event(content, attendeeEmail, stamp, cancelled));

        var text = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("The invitation did not serialize.");
        return new CalendarInvitation(method, $"text/calendar; method={method}; charset=utf-8", text);
    }

    /// <summary>The UID every invitation about the appointment carries.</summary>
    internal string UidFor(string appointmentId) => $"appointment-{appointmentId}@{_uidDomain}";

    private CalendarEvent Event(
        NotificationContent content, string attendeeEmail, Instant stamp, bool cancelled)
    {
        var summary = _renderer.RenderInvitationSummary(content);
        var calendarEvent = new CalendarEvent
        {
            Uid = UidFor(content.AppointmentId),
            Sequence = content.Sequence,
            DtStamp = Utc(stamp),
            DtStart = Utc(content.Start),
            DtEnd = Utc(content.End),
            Summary = summary,
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{_organizerEmail}") { CommonName = content.ClinicName },
        };

        // No reply is asked for: the patient booked the appointment, and changes go through the clinic.
        calendarEvent.Attendees.Add(new Attendee($"mailto:{attendeeEmail}")
        {
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = EventParticipationStatus.Accepted,
            Rsvp = false,
        });
        return calendarEvent;
    }

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), CalDateTime.UtcTzId);
}
