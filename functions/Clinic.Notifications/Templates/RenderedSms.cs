using Clinic.Notifications.Content;
using Clinic.Platform.Privacy;

namespace Clinic.Notifications.Templates;

/// <summary>A text message rendered from the templates of one locale.</summary>
/// <param name="Locale">The locale whose template was used, after fallback.</param>
/// <param name="Text">The message, on one line.</param>
/// <param name="Encoding">How the message travels: GSM-7, or UCS-2 when a character needs it.</param>
/// <param name="Segments">
/// How many segments it takes; never more than <see cref="NotificationRenderer.MaxSmsSegments"/>.
/// </param>
public sealed record RenderedSms(
    string Locale,
    [property: PersonalData] string Text,
    SmsEncoding Encoding,
    int Segments);
