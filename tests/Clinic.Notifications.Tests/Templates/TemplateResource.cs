namespace Clinic.Notifications.Tests.Templates;

/// <summary>Reads an embedded template's name, <c>Templates/&lt;locale&gt;/&lt;file&gt;.liquid</c>.</summary>
internal static class TemplateResource
{
    public static string? LocaleOf(string resourceName) => Parts(resourceName)?.Locale;

    public static string? FileOf(string resourceName) => Parts(resourceName)?.File;

    private static (string Locale, string File)? Parts(string resourceName)
    {
        var parts = resourceName.Replace('\\', '/').Split('/');
        var isTemplate = parts is ["Templates", _, var file]
            && file.EndsWith(".liquid", StringComparison.Ordinal);
        return isTemplate ? (parts[1], parts[2]) : null;
    }
}
