using System.Net;
using Clinic.Notifications.Content;
using Clinic.Notifications.Templates;
using Clinic.Notifications.Tests.Content;

namespace Clinic.Notifications.Tests.Templates;

public sealed class NotificationRendererTests
{
    private const string Portal = "https://portal.example.test/appointments";

    private readonly NotificationRenderer _renderer = new();

    public static TheoryData<string, NotificationKind> LocalesAndKinds() => TemplateCases.LocalesAndKinds();

    [Theory]
    [MemberData(nameof(LocalesAndKinds))]
    public void RenderEmail_everyLocaleAndKind_rendersEveryPartWithNothingLeftUnrendered(
        string locale, NotificationKind kind)
    {
        var content = SampleContent.For(kind, locale);

        var email = _renderer.RenderEmail(content);

        Assert.Equal(locale, email.Locale);
        Assert.All([email.Subject, email.Html, email.Text], AssertRendered);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.Contains("Dr. Claire Dubois", email.Text);
        Assert.Contains("Ana Martín", email.Text);
        Assert.Contains(SampleContent.AppointmentId, email.Text);
        Assert.Contains("Europe/Paris", email.Text);
    }

    [Theory]
    [MemberData(nameof(LocalesAndKinds))]
    public void RenderSms_everyLocaleAndKind_rendersOneLineWithNothingLeftUnrendered(
        string locale, NotificationKind kind)
    {
        var content = SampleContent.For(kind, locale);

        var sms = _renderer.RenderSms(content);

        Assert.Equal(locale, sms.Locale);
        AssertRendered(sms.Text);
        Assert.DoesNotContain('\n', sms.Text);
        Assert.Contains("Dr. Claire Dubois", sms.Text);
        Assert.DoesNotContain("Ana", sms.Text);
    }

    [Fact]
    public void RenderEmail_doctorNameWithMarkup_isEncodedInHtmlAndReadableInText()
    {
        var content = SampleContent.For(NotificationKind.Confirmation) with
        {
            DoctorDisplayName = "<script>alert(1)</script>",
        };

        var email = _renderer.RenderEmail(content);

        Assert.DoesNotContain("<script>", email.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html);
        Assert.Contains("<script>alert(1)</script>", email.Text);
        Assert.Contains("<script>alert(1)</script>", email.Subject);
    }

    [Fact]
    public void RenderEmail_patientNameWithAmpersandAndQuotes_isEncodedInHtml()
    {
        var content = SampleContent.For(NotificationKind.Reminder) with
        {
            PatientDisplayName = "Tom & \"Jerry\" O'Neil",
        };

        var email = _renderer.RenderEmail(content);

        Assert.DoesNotContain("Tom & \"Jerry\"", email.Html);
        Assert.Contains("Tom & \"Jerry\" O'Neil", WebUtility.HtmlDecode(email.Html));
        Assert.Contains("Dear Tom & \"Jerry\" O'Neil,", email.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RenderEmail_noPatientName_greetsWithoutAName(string? patient)
    {
        var content = SampleContent.For(NotificationKind.Confirmation) with { PatientDisplayName = patient };

        var email = _renderer.RenderEmail(content);

        Assert.StartsWith("Hello,\n", email.Text);
        Assert.Contains("<p>Hello,</p>", email.Html);
        Assert.DoesNotContain("Dear", email.Text);
    }

    [Fact]
    public void RenderEmail_patientName_greetsByName()
    {
        var content = SampleContent.For(NotificationKind.Confirmation, "de-DE");

        var email = _renderer.RenderEmail(content);

        Assert.StartsWith("Guten Tag Ana Martín,\n", email.Text);
    }

    [Fact]
    public void RenderEmail_portalUrlConfigured_linksItInBothBodies()
    {
        var renderer = new NotificationRenderer(new Uri(Portal));
        var content = SampleContent.For(NotificationKind.Confirmation);

        var email = renderer.RenderEmail(content);

        Assert.Contains($"href=\"{Portal}\"", WebUtility.HtmlDecode(email.Html));
        Assert.Contains($"View or change your appointment: {Portal}", email.Text);
    }

    [Fact]
    public void RenderEmail_noPortalUrl_hasNoLink()
    {
        var content = SampleContent.For(NotificationKind.Confirmation);

        var email = _renderer.RenderEmail(content);

        Assert.DoesNotContain("<a ", email.Html);
        Assert.DoesNotContain("http", email.Text);
        Assert.Contains("the time.\n\nKind regards,\nRiverside Clinic\n", email.Text);
    }

    [Fact]
    public void RenderEmail_reschedule_showsTheOldAndTheNewTime()
    {
        var content = SampleContent.For(NotificationKind.Reschedule);

        var email = _renderer.RenderEmail(content);

        Assert.Contains("New date: Tuesday, March 30, 2027", email.Text);
        Assert.Contains("New time: 3:00 PM – 3:30 PM CEST", email.Text);
        Assert.Contains("Previously: Sunday, March 28, 2027, 3:00 PM CEST", email.Text);
    }

    [Fact]
    public void RenderEmail_rescheduleWithoutPreviousStart_isRejected()
    {
        var content = SampleContent.For(NotificationKind.Reschedule) with { PreviousStart = null };

        var render = () => _renderer.RenderEmail(content);

        Assert.Throws<ArgumentException>("content", render);
    }

    [Fact]
    public void RenderEmail_unknownZone_isRejected()
    {
        var content = SampleContent.For(NotificationKind.Confirmation) with { TimeZoneId = "Mars/Olympus" };

        var render = () => _renderer.RenderEmail(content);

        Assert.Throws<ArgumentException>("content", render);
    }

    [Fact]
    public void RenderEmail_endNotAfterStart_isRejected()
    {
        var content = SampleContent.For(NotificationKind.Confirmation) with { End = SampleContent.Start };

        var render = () => _renderer.RenderEmail(content);

        Assert.Throws<ArgumentException>("content", render);
    }

    [Theory]
    [InlineData("/appointments")]
    [InlineData("ftp://portal.example.test/")]
    public void Constructor_portalUrlNotAnAbsoluteWebAddress_isRejected(string url)
    {
        var portalUrl = new Uri(url, UriKind.RelativeOrAbsolute);

        var create = () => new NotificationRenderer(portalUrl);

        Assert.Throws<ArgumentException>("portalUrl", create);
    }

    private static void AssertRendered(string output)
    {
        Assert.False(string.IsNullOrWhiteSpace(output));
        Assert.DoesNotContain("{{", output);
        Assert.DoesNotContain("}}", output);
        Assert.DoesNotContain("{%", output);
        Assert.DoesNotContain("%}", output);
    }
}
