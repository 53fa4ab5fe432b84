using Clinic.Notifications.Content;
using Clinic.Notifications.Templates;

namespace Clinic.Notifications.Tests.Templates;

/// <summary>Every shipped locale with every notification kind, found from the embedded templates.</summary>
internal static class TemplateCases
{
    public static IReadOnlyList<string> Locales { get; } =
    [
        .. typeof(NotificationRenderer).Assembly.GetManifestResourceNames()
            .Select(TemplateResource.LocaleOf)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string, NotificationKind> LocalesAndKinds()
    {
        var data = new TheoryData<string, NotificationKind>();
        foreach (var locale in Locales)
        {
            foreach (var kind in Enum.GetValues<NotificationKind>())
                data.Add(locale, kind);
        }

        return data;
    }
}
