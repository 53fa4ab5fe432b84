using Clinic.Notifications.Content;
using Clinic.Notifications.Templates;
using Clinic.Notifications.Tests.Content;
using NodaTime;

namespace Clinic.Notifications.Tests.Templates;

public sealed class DateFormattingTests
{
    private const string NewYork = "America/New_York";

    private readonly NotificationRenderer _renderer = new();

    [Theory]
    [InlineData(
        "en-US", "America/New_York",
        "Date: Tuesday, March 30, 2027", "Time: 9:00 AM – 9:30 AM EDT")]
    [InlineData("de-DE", "Europe/Berlin", "Datum: Dienstag, 30. März 2027", "Uhrzeit: 15:00 – 15:30 CEST")]
    [InlineData("es-ES", "Europe/Madrid", "Fecha: martes, 30 de marzo de 2027", "Hora: 15:00 – 15:30 CEST")]
    [InlineData("fr-FR", "Europe/Paris", "Date : mardi 30 mars 2027", "Heure : 15:00 – 15:30 CEST")]
    [InlineData("en-US", "Asia/Kolkata", "Date: Tuesday, March 30, 2027", "Time: 6:30 PM – 7:00 PM IST")]
    public void RenderEmail_localeAndZone_formatsDateAndTimeInBoth(
        string locale, string zone, string expectedDate, string expectedTime)
    {
        var content = SampleContent.For(NotificationKind.Confirmation, locale) with { TimeZoneId = zone };

        var email = _renderer.RenderEmail(content);

        Assert.Contains(expectedDate, email.Text);
        Assert.Contains(expectedTime, email.Text);
    }

    [Fact]
    public void RenderEmail_zoneIdWithUnderscore_showsItWithSpaces()
    {
        var content = SampleContent.For(NotificationKind.Confirmation) with { TimeZoneId = NewYork };

        var email = _renderer.RenderEmail(content);

        Assert.Contains("Time zone: America/New York", email.Text);
    }

    [Fact]
    public void RenderEmail_rescheduleAcrossSpringForwardInParis_showsEachTimeWithItsOwnOffset()
    {
        var content = SampleContent.For(NotificationKind.Reschedule, "fr-FR") with
        {
            PreviousStart = Instant.FromUtc(2027, 3, 27, 8, 0),
            Start = Instant.FromUtc(2027, 3, 28, 8, 0),
            End = Instant.FromUtc(2027, 3, 28, 8, 30),
        };

        var email = _renderer.RenderEmail(content);

        Assert.Contains("Nouvelle date : dimanche 28 mars 2027", email.Text);
        Assert.Contains("Nouvelle heure : 10:00 – 10:30 CEST", email.Text);
        Assert.Contains("Ancien horaire : samedi 27 mars 2027, 09:00 CET", email.Text);
    }

    [Fact]
    public void RenderEmail_appointmentAcrossFallBackInParis_showsBothOffsetsOfTheRepeatedHour()
    {
        var content = SampleContent.For(NotificationKind.Confirmation, "fr-FR") with
        {
            Start = Instant.FromUtc(2027, 10, 31, 0, 45),
            End = Instant.FromUtc(2027, 10, 31, 1, 15),
        };

        var email = _renderer.RenderEmail(content);

        Assert.Contains("Date : dimanche 31 octobre 2027", email.Text);
        Assert.Contains("Heure : 02:45 CEST – 02:15 CET", email.Text);
    }

    [Fact]
    public void RenderSms_springForwardInNewYork_showsTheTimeAfterTheGap()
    {
        var content = SampleContent.For(NotificationKind.Reschedule) with
        {
            TimeZoneId = "America/New_York",
            PreviousStart = Instant.FromUtc(2027, 3, 13, 7, 0),
            Start = Instant.FromUtc(2027, 3, 14, 7, 0),
            End = Instant.FromUtc(2027, 3, 14, 7, 30),
        };

        var sms = _renderer.RenderSms(content);

        Assert.Contains("moved to 3/14/2027 3:00 AM EDT (was 3/13/2027 2:00 AM EST)", sms.Text);
    }

    [Fact]
    public void RenderSms_englishTimes_useAPlainSpaceSoTheTextStaysGsm7()
    {
        var content = SampleContent.For(NotificationKind.Confirmation) with { TimeZoneId = NewYork };

        var sms = _renderer.RenderSms(content);

        Assert.Contains("3/30/2027 at 9:00 AM EDT", sms.Text);
        Assert.Equal(SmsEncoding.Gsm7, sms.Encoding);
    }
}
