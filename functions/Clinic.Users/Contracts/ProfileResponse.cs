using Clinic.Platform.Privacy;

namespace Clinic.Users.Contracts;

/// <summary>The caller's own profile. Personal data: send it with <c>Cache-Control: no-store</c>.</summary>
public sealed record ProfileResponse(
    [property: PersonalData] string? DisplayName,
    [property: PersonalData] string? Email,
    [property: PersonalData] string? Phone,
    string? PreferredLanguage,
    string? TimeZone,
    IReadOnlyList<string> NotificationChannels,
    bool SmsConsent,
    string? SmsConsentGivenAt,
    string? UpdatedAt,
    [property: PersonalData] string? BirthDate = null);
