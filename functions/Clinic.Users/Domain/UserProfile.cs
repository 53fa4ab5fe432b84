using Clinic.Platform.Privacy;
using NodaTime;

namespace Clinic.Users.Domain;

/// <summary>
/// A patient's own profile, normalized: phone in E.164, language as the culture's canonical name, zone as
/// an IANA id. <see cref="SmsConsentGivenAt"/> is set by the server when consent is given, never by a client.
/// </summary>
public sealed record UserProfile(
    [property: PersonalData] string? DisplayName,
    [property: PersonalData] string? Email,
    [property: PersonalData] string? Phone,
    string? PreferredLanguage,
    string? TimeZone,
    IReadOnlyList<string> NotificationChannels,
    bool SmsConsent,
    Instant? SmsConsentGivenAt,
    Instant? UpdatedAt,
    [property: PersonalData] LocalDate? BirthDate = null)
{
    /// <summary>The profile of a user who has not saved one yet.</summary>
    public static UserProfile Empty { get; } = new(null, null, null, null, null, [], false, null, null);
}
