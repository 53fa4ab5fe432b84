using Clinic.Notifications.Calendar;
using Clinic.Notifications.Content;
using Clinic.Notifications.Templates;
using Clinic.Notifications.Tests.Content;
using Ical.Net.CalendarComponents;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;

namespace Clinic.Notifications.Tests.Calendar;

public sealed class AppointmentInvitationTests
{
    private const string Patient = "ana.martin@example.test";
    private static readonly Instant Stamp = Instant.FromUtc(2027, 3, 1, 9, 15, 30);

    private readonly AppointmentInvitation _invitation =
        new(new NotificationRenderer(), "clinic.example.test", "appointments@clinic.example.test");

    [Fact]
    public void Build_confirmationThenReschedule_keepsTheUidAndRaisesTheSequence()
    {
        var booked = SampleContent.For(NotificationKind.Confirmation) with { Sequence = 1 };
        var moved = SampleContent.For(NotificationKind.Reschedule) with { Sequence = 2 };

        var first = EventOf(_invitation.Build(booked, Patient, Stamp));
        var second = EventOf(_invitation.Build(moved, Patient, Stamp));

        Assert.Equal($"appointment-{SampleContent.AppointmentId}@clinic.example.test", first.Uid);
        Assert.Equal(first.Uid, second.Uid);
        Assert.Equal(1, first.Sequence);
        Assert.Equal(2, second.Sequence);
    }

    [Theory]
    [InlineData(NotificationKind.Confirmation)]
    [InlineData(NotificationKind.Reschedule)]
    [InlineData(NotificationKind.Reminder)]
    public void Build_anythingButCancellation_isAConfirmedRequest(NotificationKind kind)
    {
        var content = SampleContent.For(kind);

        var invitation = _invitation.Build(content, Patient, Stamp);

        Assert.Equal("REQUEST", invitation.Method);
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", invitation.ContentType);
        Assert.Equal("REQUEST", IcalCalendar.Load(invitation.Text)!.Method);
        Assert.Equal("CONFIRMED", EventOf(invitation).Status);
    }

    [Fact]
    public void Build_cancellation_isACancelWithCancelledStatus()
    {
        var content = SampleContent.For(NotificationKind.Cancellation) with { Sequence = 3 };

        var invitation = _invitation.Build(content, Patient, Stamp);

        Assert.Equal("CANCEL", invitation.Method);
        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", invitation.ContentType);
        Assert.Contains("METHOD:CANCEL\r\n", invitation.Text);
        Assert.Contains("STATUS:CANCELLED\r\n", invitation.Text);
        Assert.Equal(3, EventOf(invitation).Sequence);
    }

    [Fact]
    public void Build_times_areWrittenInUtcWithThePassedStamp()
    {
        var content = SampleContent.For(NotificationKind.Confirmation);

        var invitation = _invitation.Build(content, Patient, Stamp);

        Assert.Contains("DTSTART:20270330T130000Z\r\n", invitation.Text);
        Assert.Contains("DTEND:20270330T133000Z\r\n", invitation.Text);
        Assert.Contains("DTSTAMP:20270301T091530Z\r\n", invitation.Text);
        var parsed = EventOf(invitation);
        Assert.True(parsed.DtStart!.IsUtc);
        Assert.Equal(new DateTime(2027, 3, 30, 13, 0, 0, DateTimeKind.Utc), parsed.DtStart.AsUtc);
    }

    [Fact]
    public void Build_summary_isInThePatientsLocale()
    {
        var content = SampleContent.For(NotificationKind.Confirmation, "fr-CA");

        var invitation = _invitation.Build(content, Patient, Stamp);

        Assert.Equal("Rendez-vous avec Dr. Claire Dubois – Riverside Clinic", EventOf(invitation).Summary);
    }

    [Fact]
    public void Build_organizerAndAttendee_areTheClinicAndThePatient()
    {
        var content = SampleContent.For(NotificationKind.Confirmation);

        var calendarEvent = EventOf(_invitation.Build(content, Patient, Stamp));

        Assert.Equal("mailto:appointments@clinic.example.test", calendarEvent.Organizer!.Value!.ToString());
        Assert.Equal("Riverside Clinic", calendarEvent.Organizer.CommonName);
        var attendee = Assert.Single(calendarEvent.Attendees);
        Assert.Equal($"mailto:{Patient}", attendee.Value!.ToString());
        Assert.False(attendee.Rsvp);
    }

    [Fact]
    public void Build_textWithCommaAndSemicolonInNames_parsesBackUnchanged()
    {
        var content = SampleContent.For(NotificationKind.Confirmation) with
        {
            DoctorDisplayName = "Dr. Dubois; Claire, MD",
        };

        var invitation = _invitation.Build(content, Patient, Stamp);

        Assert.Equal(
            "Appointment with Dr. Dubois; Claire, MD – Riverside Clinic", EventOf(invitation).Summary);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a domain")]
    [InlineData("clinic@example.test")]
    public void Constructor_uidDomainNotADnsName_isRejected(string domain)
    {
        var create = () => new AppointmentInvitation(new NotificationRenderer(), domain, "a@example.test");

        Assert.Throws<ArgumentException>("uidDomain", create);
    }

    [Fact]
    public void Build_attendeeNotAnEmailAddress_isRejected()
    {
        var content = SampleContent.For(NotificationKind.Confirmation);

        var build = () => _invitation.Build(content, "+12025550123", Stamp);

        Assert.Throws<ArgumentException>("attendeeEmail", build);
    }

    private static CalendarEvent EventOf(CalendarInvitation invitation) =>
        Assert.Single(IcalCalendar.Load(invitation.Text)!.Events);
}
