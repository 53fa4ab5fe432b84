using System.Globalization;
using System.Net.Mail;
using Clinic.Platform.Errors;
using Clinic.Users.Contracts;
using Clinic.Users.Domain;
using NodaTime;
using NodaTime.Text;
using PhoneNumbers;

namespace Clinic.Users.Application;

/// <summary>
/// Checks and normalizes a profile update, reporting every bad field at once. Messages say what is expected
/// and never repeat the value that was sent: it may be personal data, and error responses get logged.
/// </summary>
internal static class ProfileValidator
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxEmailLength = 254;
    private const int MaxPhoneInputLength = 32;
    private const int MaxLanguageTagLength = 35;
    private const int MaxTimeZoneLength = 64;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static Result<UserProfile> Validate(UpdateProfileRequest request, string defaultPhoneRegion)
    {
        ArgumentNullException.ThrowIfNull(request);

        var errors = new FieldErrors();
        var displayName = Check(request.DisplayName, NormalizeDisplayName, errors, "displayName",
            $"Use 1 to {MaxDisplayNameLength} characters, without control characters.");
        var email = Check(request.Email, NormalizeEmail, errors, "email",
            $"Give a valid email address of at most {MaxEmailLength} characters.");
        var phone = Check(request.Phone, value => NormalizePhone(value, defaultPhoneRegion), errors, "phone",
            "Give a valid phone number; numbers from outside the default region need their + country code.");
        var language = Check(request.PreferredLanguage, NormalizeLanguage, errors, "preferredLanguage",
            "Give a supported language tag such as en-US, es-ES or fr-CA.");
        var timeZone = Check(request.TimeZone, NormalizeTimeZone, errors, "timeZone",
            "Give an IANA time zone such as America/New_York.");
        var birthDate = CheckBirthDate(request.BirthDate, errors);
        var smsConsent = request.SmsConsent ?? false;
        var channels = NormalizeChannels(request, smsConsent, errors);

        if (!errors.IsEmpty)
            return errors.ToFailure();

        // The server stamps consent and update times; ProfileService sets them against what is stored.
        return new UserProfile(
            displayName,
            email,
            phone,
            language,
            timeZone,
            channels,
            smsConsent,
            null,
            UpdatedAt: null,
            birthDate);
    }

    /// <summary>A calendar date, not in the future and not before 1900; checked against UTC today.</summary>
    private static LocalDate? CheckBirthDate(string? value, FieldErrors errors)
    {
        if (value is null)
            return null;

        var parsed = LocalDatePattern.Iso.Parse(value);
        var today = SystemClock.Instance.GetCurrentInstant().InUtc().Date;
        if (parsed.Success && parsed.Value.Year >= 1900 && parsed.Value <= today)
            return parsed.Value;

        errors.Add("birthDate", "Give a past date as yyyy-MM-dd, from 1900 on.");
        return null;
    }

    private static string? Check(
        string? value, Func<string, string?> normalize, FieldErrors errors, string field, string message)
    {
        if (value is null)
            return null;

        var normalized = normalize(value);
        if (normalized is null)
            errors.Add(field, message);
        return normalized;
    }

    private static string? NormalizeDisplayName(string value)
    {
        var name = value.Trim();
        return name.Length is > 0 and <= MaxDisplayNameLength && !name.Any(char.IsControl) ? name : null;
    }

    private static string? NormalizeEmail(string value)
    {
        var email = value.Trim();
        if (email.Length is 0 or > MaxEmailLength || email.Any(c => char.IsWhiteSpace(c) || c is '"' or '<'))
            return null;

        // MailAddress also accepts "Name <a@b>" and bare hosts; require a plain address with a dotted domain.
        return MailAddress.TryCreate(email, out var address)
            && address.DisplayName.Length == 0
            && address.Address == email
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.StartsWith('.')
            && !address.Host.EndsWith('.')
                ? email
                : null;
    }

    private static string? NormalizePhone(string value, string defaultRegion)
    {
        var text = value.Trim();
        if (text.Length is 0 or > MaxPhoneInputLength)
            return null;

        try
        {
            var number = Phones.Parse(text, defaultRegion);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static string? NormalizeLanguage(string value)
    {
        // ICU is lenient ("en_US" becomes a culture of its own): only BCP 47's letters, digits and '-' pass.
        var plain = value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
        if (!plain || value.Length is 0 or > MaxLanguageTagLength)
            return null;

        try
        {
            var culture = CultureInfo.GetCultureInfo(value, predefinedOnly: true);
            return culture.Name.Length > 0 ? culture.Name : null;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    private static string? NormalizeTimeZone(string value) =>
        value.Length is > 0 and <= MaxTimeZoneLength
            ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(value)?.Id
            : null;

    private static List<string> NormalizeChannels(
        UpdateProfileRequest request, bool smsConsent, FieldErrors errors)
    {
        var requested = request.NotificationChannels ?? [];
        if (requested.Any(channel => !NotificationChannels.All.Contains(channel)))
        {
            errors.Add("notificationChannels", "Choose from email and sms.");
            return [];
        }

        var channels = NotificationChannels.All.Where(requested.Contains).ToList();
        if (channels.Contains(NotificationChannels.Email) && request.Email is null)
            errors.Add("notificationChannels", "Email notifications need an email address.");
        if (channels.Contains(NotificationChannels.Sms) && (request.Phone is null || !smsConsent))
            errors.Add("notificationChannels", "SMS notifications need a phone number and consent to SMS.");
        return channels;
    }
}
