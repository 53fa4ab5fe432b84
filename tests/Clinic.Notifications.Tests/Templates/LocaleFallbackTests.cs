using Clinic.Notifications.Content;
using Clinic.Notifications.Templates;
using Clinic.Notifications.Tests.Content;

namespace Clinic.Notifications.Tests.Templates;

public sealed class LocaleFallbackTests
{
    private readonly NotificationRenderer _renderer = new();

    [Theory]
    [InlineData("fr-FR", "fr-FR")]
    [InlineData("fr-CA", "fr-FR")]
    [InlineData("fr", "fr-FR")]
    [InlineData("de-AT", "de-DE")]
    [InlineData("de-CH", "de-DE")]
    [InlineData("es-MX", "es-ES")]
    [InlineData("en-GB", "en-US")]
    [InlineData("EN-us", "en-US")]
    [InlineData("pt-BR", "en-US")]
    [InlineData("ja-JP", "en-US")]
    [InlineData("zz-!!", "en-US")]
    [InlineData("xx-YY", "en-US")]
    [InlineData("", "en-US")]
    [InlineData(null, "en-US")]
    public void ResolveLocale_requestedCulture_fallsBackToLanguageThenEnUs(string? requested, string expected)
    {
        var resolved = _renderer.ResolveLocale(requested);

        Assert.Equal(expected, resolved);
    }

    [Fact]
    public void RenderEmail_frenchCanadian_usesFrenchTemplatesAndFrenchDates()
    {
        var content = SampleContent.For(NotificationKind.Confirmation, "fr-CA");

        var email = _renderer.RenderEmail(content);

        Assert.Equal("fr-FR", email.Locale);
        Assert.Contains("Votre rendez-vous chez Riverside Clinic est confirmé.", email.Text);
        Assert.Contains("Date : mardi 30 mars 2027", email.Text);
    }

    [Fact]
    public void RenderSms_austrianGerman_usesGermanTemplate()
    {
        var content = SampleContent.For(NotificationKind.Reminder, "de-AT");

        var sms = _renderer.RenderSms(content);

        Assert.Equal("de-DE", sms.Locale);
        Assert.StartsWith("Riverside Clinic: Erinnerung an Ihren Termin", sms.Text);
    }

    [Theory]
    [InlineData("pt-BR")]
    [InlineData("zz-!!")]
    [InlineData(null)]
    public void RenderEmail_unshippedOrInvalidLocale_usesEnglish(string? locale)
    {
        var content = SampleContent.For(NotificationKind.Cancellation, locale);

        var email = _renderer.RenderEmail(content);

        Assert.Equal("en-US", email.Locale);
        Assert.Contains("Your appointment at Riverside Clinic has been cancelled.", email.Text);
    }
}
