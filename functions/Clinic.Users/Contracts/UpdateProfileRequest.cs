using Clinic.Platform.Privacy;

namespace Clinic.Users.Contracts;

/// <summary>
/// The whole profile, replacing the stored one: a field left out or null is cleared. Phone numbers without
/// a country code are read in the configured default region; <paramref name="SmsConsent"/> defaults to false.
/// </summary>
public sealed record UpdateProfileRequest(
    [property: PersonalData] string? DisplayName,
    [property: PersonalData] string? Email,
    [property: PersonalData] string? Phone,
    string? PreferredLanguage,
    string? TimeZone,
    IReadOnlyList<string>? NotificationChannels,
    bool? SmsConsent,
    [property: PersonalData] string? BirthDate = null);
