using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Clinic.Notifications.Content;
using Fluid;
using Fluid.Values;

namespace Clinic.Notifications.Templates;

/// <summary>
/// Renders notifications from the embedded Liquid templates of the patient's locale. HTML bodies encode every
/// value; subjects, plain-text bodies and text messages carry the values as they are. Templates are parsed
/// once per process and a renderer holds no per-call state, so one instance serves every thread.
/// </summary>
public sealed partial class NotificationRenderer
{
    /// <summary>The most segments a rendered text message takes.</summary>
    public const int MaxSmsSegments = 2;

    // A template that names a value the model lacks, or a filter that does not exist, fails loudly.
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithStrictVariables(true)
        .WithStrictFilters(true)
        .Build();

    private readonly TemplateCatalog _catalog;
    private readonly string _portalUrl;

    /// <summary>Creates a renderer over the embedded templates.</summary>
    /// <param name="portalUrl">
    /// The patients' web app, linked from emails so that an appointment can be viewed or changed; null for
    /// no link.
    /// </param>
    public NotificationRenderer(Uri? portalUrl = null)
    {
        if (portalUrl is not null && !IsWebAddress(portalUrl))
            throw new ArgumentException("The portal URL must be an absolute http(s) URL.", nameof(portalUrl));

        _catalog = TemplateCatalog.Shared;
        _portalUrl = portalUrl?.AbsoluteUri ?? "";
    }

    /// <summary>
    /// The locale whose templates a culture name gets: the exact culture (fr-FR), else the shipped locale of
    /// the same language (fr-CA gives fr-FR), else en-US; null, empty or unknown names give en-US.
    /// </summary>
    public string ResolveLocale(string? locale) => LocaleResolver.Resolve(locale, _catalog.Locales);

    /// <summary>Renders the subject, HTML body and plain-text body of an email.</summary>
    /// <exception cref="ArgumentException">
    /// The zone is not an IANA id, the end is not after the start, or a reschedule has no previous start.
    /// </exception>
    public RenderedEmail RenderEmail(NotificationContent content)
    {
        var (locale, culture, values) = Prepare(content);
        var kind = KindName(content.Kind);

        var subject = OneLine(Render(locale, $"{kind}.subject", values, culture, NullEncoder.Default));
        var html = Render(locale, $"{kind}.html", values, culture, HtmlEncoder.Default);
        var text = Render(locale, $"{kind}.txt", values, culture, NullEncoder.Default);
        return new RenderedEmail(locale, subject, html, text);
    }

    /// <summary>
    /// Renders a text message of at most <see cref="MaxSmsSegments"/> segments; when the names make it
    /// longer, they are shortened (see remarks).
    /// </summary>
    /// <remarks>
    /// The attempts, in order: the names as they are; the doctor's name cut to its leading words within 20
    /// characters; the doctor's and the clinic's names both cut that way. The patient's name is never in a
    /// text message, which a locked phone shows to anyone nearby.
    /// </remarks>
    /// <exception cref="ArgumentException">As for <see cref="RenderEmail"/>.</exception>
    public RenderedSms RenderSms(NotificationContent content)
    {
        var (locale, culture, values) = Prepare(content);
        var name = $"{KindName(content.Kind)}.sms";

        foreach (var attempt in ShorterNames(values))
        {
            var text = OneLine(Render(locale, name, attempt, culture, NullEncoder.Default));
            var segments = SmsSegments.Count(text);
            if (segments <= MaxSmsSegments)
                return new RenderedSms(locale, text, SmsSegments.EncodingOf(text), segments);
        }

        // Shortened names leave only bounded values; the tests render every template at their longest.
        throw new InvalidOperationException($"Template '{locale}/{name}' is too long for a text message.");
    }

    /// <summary>The calendar event's title, in the locale the emails use.</summary>
    internal string RenderInvitationSummary(NotificationContent content)
    {
        var (locale, culture, values) = Prepare(content);
        return OneLine(Render(locale, "invitation.summary", values, culture, NullEncoder.Default));
    }

    private (string Locale, CultureInfo Culture, Dictionary<string, string> Values) Prepare(
        NotificationContent content)
    {
        Validate(content);

        var locale = ResolveLocale(content.Locale);
        var culture = CultureInfo.GetCultureInfo(locale);
        return (locale, culture, TemplateValues.From(content, culture, _portalUrl));
    }

    private static void Validate(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);

        if (content.End <= content.Start)
            throw new ArgumentException("The appointment must end after it starts.", nameof(content));

        if (content.Kind == NotificationKind.Reschedule && content.PreviousStart is null)
            throw new ArgumentException("A reschedule needs the previous start.", nameof(content));
    }

    private static IEnumerable<Dictionary<string, string>> ShorterNames(Dictionary<string, string> values)
    {
        yield return values;

        var doctorShortened = new Dictionary<string, string>(values)
        {
            ["doctor"] = SmsNameShortener.Shorten(values["doctor"]),
        };
        yield return doctorShortened;

        yield return new Dictionary<string, string>(doctorShortened)
        {
            ["clinic"] = SmsNameShortener.Shorten(values["clinic"]),
        };
    }

    private string Render(
        string locale,
        string name,
        Dictionary<string, string> values,
        CultureInfo culture,
        TextEncoder encoder)
    {
        var context = new TemplateContext(Options) { CultureInfo = culture };
        foreach (var (key, value) in values)
            context.SetValue(key, StringValue.Create(value));

        return _catalog.Get(locale, name).Render(context, encoder);
    }

    private static bool IsWebAddress(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private static string KindName(NotificationKind kind) =>
        kind switch
        {
            NotificationKind.Confirmation => "confirmation",
            NotificationKind.Cancellation => "cancellation",
            NotificationKind.Reschedule => "reschedule",
            NotificationKind.Reminder => "reminder",
            NotificationKind.PaymentFailed => "paymentfailed",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notification kind."),
        };

    // Subjects and text messages are single lines: line breaks in their templates only keep the files narrow,
    // and a line break inside a name must not reach an email header.
    private static string OneLine(string rendered) => Whitespace().Replace(rendered, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
