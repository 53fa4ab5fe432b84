using Clinic.Notifications.Content;
using Clinic.Notifications.Templates;

namespace Clinic.Notifications.Tests.Templates;

public sealed class TemplateResourcesTests
{
    private static readonly string[] ResourceNames =
        typeof(NotificationRenderer).Assembly.GetManifestResourceNames();

    [Fact]
    public void Resources_everyLocale_hasEveryTemplateThatEnUsHas()
    {
        var english = FilesOf("en-US");

        var missing = TemplateCases.Locales
            .SelectMany(locale => english.Except(FilesOf(locale)).Select(file => $"{locale}/{file}"))
            .ToList();

        Assert.NotEmpty(english);
        Assert.True(missing.Count == 0, $"Missing translations: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Resources_everyLocale_hasNoTemplateThatEnUsLacks()
    {
        var english = FilesOf("en-US");

        var extra = TemplateCases.Locales
            .SelectMany(locale => FilesOf(locale).Except(english).Select(file => $"{locale}/{file}"))
            .ToList();

        Assert.True(extra.Count == 0, $"Templates that en-US lacks: {string.Join(", ", extra)}");
    }

    [Fact]
    public void Resources_shippedLocales_areTheFourWeTranslate()
    {
        var locales = TemplateCases.Locales;

        Assert.Equal(["de-DE", "en-US", "es-ES", "fr-FR"], locales);
    }

    [Fact]
    public void Resources_enUs_hasFourPartsForEveryKind()
    {
        var expected = Enum.GetValues<NotificationKind>()
            .SelectMany(kind => new[] { "subject", "html", "txt", "sms" }
                .Select(part => $"{kind.ToString().ToLowerInvariant()}.{part}.liquid"));

        var english = FilesOf("en-US");

        Assert.All(expected, file => Assert.Contains(file, english));
    }

    private static HashSet<string> FilesOf(string locale) =>
    [
        .. ResourceNames
            .Where(name => TemplateResource.LocaleOf(name) == locale)
            .Select(name => TemplateResource.FileOf(name)!),
    ];
}
