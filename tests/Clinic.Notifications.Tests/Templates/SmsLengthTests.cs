using Clinic.Notifications.Content;
using Clinic.Notifications.Templates;
using Clinic.Notifications.Tests.Content;
using NodaTime;

namespace Clinic.Notifications.Tests.Templates;

public sealed class SmsLengthTests
{
    private const string LongGsmDoctor = "Dr. Maximilian Alexander Bartholomew Fitzgerald-Worthington";
    private const string LongUcs2Doctor = "Dr. Maximiliana Wiśniewska-Łukasiewicz von Brzęczyszczykiewicz";

    // Its shortened form is still 20 characters and still UCS-2: the longest a shortened name can cost.
    private const string WorstDoctor = "Dr. Ágnes Szőke-Kiss Bartók-Erdős de Nagyvárad és Kolozsvár";
    private const string WorstClinic = "Łódź Zdrowie Centrum Medyczne Świętego Łukasza Sp. z o.o.";

    private readonly NotificationRenderer _renderer = new();

    public static TheoryData<string, NotificationKind, string, string> LongNames()
    {
        var names = new[]
        {
            (LongGsmDoctor, "Riverside Clinic"),
            (LongUcs2Doctor, "Riverside Clinic"),
            (WorstDoctor, "Riverside Clinic"),
            (WorstDoctor, WorstClinic),
        };
        var data = new TheoryData<string, NotificationKind, string, string>();
        foreach (var locale in TemplateCases.Locales)
        {
            foreach (var kind in Enum.GetValues<NotificationKind>())
            {
                foreach (var (doctor, clinic) in names)
                    data.Add(locale, kind, doctor, clinic);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LongNames))]
    public void RenderSms_longNamesAtTheLongestDateAndZone_fitsInTwoSegments(
        string locale, NotificationKind kind, string doctor, string clinic)
    {
        var content = Longest(kind, locale) with { DoctorDisplayName = doctor, ClinicName = clinic };

        var sms = _renderer.RenderSms(content);

        Assert.InRange(sms.Segments, 1, NotificationRenderer.MaxSmsSegments);
        Assert.Equal(SmsSegments.Count(sms.Text), sms.Segments);
        Assert.Equal(SmsSegments.EncodingOf(sms.Text), sms.Encoding);
    }

    [Theory]
    [MemberData(nameof(LocalesAndKinds))]
    public void RenderSms_gsmNames_staysInGsm7(string locale, NotificationKind kind)
    {
        var content = Longest(kind, locale);

        var sms = _renderer.RenderSms(content);

        Assert.Equal(SmsEncoding.Gsm7, sms.Encoding);
    }

    [Fact]
    public void RenderSms_longGsmDoctorNameThatFits_keepsTheFullName()
    {
        var content = Longest(NotificationKind.Confirmation, "en-US") with
        {
            DoctorDisplayName = LongGsmDoctor,
        };

        var sms = _renderer.RenderSms(content);

        Assert.Contains(LongGsmDoctor, sms.Text);
        Assert.Equal(SmsEncoding.Gsm7, sms.Encoding);
    }

    [Fact]
    public void RenderSms_ucs2DoctorNameThatOverflows_keepsTheDoctorsLeadingWordsAndReturnsToGsm7()
    {
        var content = Longest(NotificationKind.Reschedule, "de-DE") with
        {
            DoctorDisplayName = LongUcs2Doctor,
        };

        var sms = _renderer.RenderSms(content);

        Assert.Contains("Ihr Termin bei Dr. Maximiliana ist jetzt am", sms.Text);
        Assert.DoesNotContain("Wiśniewska", sms.Text);
        Assert.Equal(SmsEncoding.Gsm7, sms.Encoding);
    }

    [Fact]
    public void RenderSms_clinicNameStillTooLong_shortensTheClinicToo()
    {
        var content = Longest(NotificationKind.Reschedule, "es-ES") with
        {
            DoctorDisplayName = WorstDoctor,
            ClinicName = WorstClinic,
        };

        var sms = _renderer.RenderSms(content);

        Assert.StartsWith("Łódź Zdrowie Centrum: su cita con Dr. Ágnes Szőke-Kiss se ha cambiado", sms.Text);
        Assert.Equal(SmsEncoding.Ucs2, sms.Encoding);
        Assert.Equal(2, sms.Segments);
    }

    public static TheoryData<string, NotificationKind> LocalesAndKinds() => TemplateCases.LocalesAndKinds();

    // Late December at 22:45 in Kathmandu: the longest short dates, en-US's longest times ("10:45 PM") and
    // one of the longest zone abbreviations ("+0545").
    private static NotificationContent Longest(NotificationKind kind, string locale) =>
        SampleContent.For(kind, locale) with
        {
            TimeZoneId = "Asia/Kathmandu",
            Start = Instant.FromUtc(2027, 12, 29, 17, 0),
            End = Instant.FromUtc(2027, 12, 29, 17, 30),
            PreviousStart = kind == NotificationKind.Reschedule ? Instant.FromUtc(2027, 11, 28, 17, 0) : null,
        };
}
