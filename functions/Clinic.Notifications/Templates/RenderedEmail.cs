using Clinic.Platform.Privacy;

namespace Clinic.Notifications.Templates;

/// <summary>An email rendered from the templates of one locale.</summary>
/// <param name="Locale">
/// The locale whose templates were used, after fallback (such as <c>fr-FR</c> for fr-CA).
/// </param>
/// <param name="Subject">The subject line, plain text on one line.</param>
/// <param name="Html">The HTML body; every value in it is HTML-encoded.</param>
/// <param name="Text">The plain-text body.</param>
public sealed record RenderedEmail(
    string Locale,
    [property: PersonalData] string Subject,
    [property: PersonalData] string Html,
    [property: PersonalData] string Text);
