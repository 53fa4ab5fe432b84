using Clinic.Platform.Privacy;

namespace Clinic.Notifications.Recipients;

/// <summary>
/// Where and how a patient wants to hear from the clinic, read when a message is sent. SMS is allowed only
/// with the patient's consent and the channel chosen.
/// </summary>
public sealed record Recipient(
    [property: PersonalData] string? DisplayName,
    [property: PersonalData] string? Email,
    [property: PersonalData] string? Phone,
    string? Locale,
    string? TimeZone,
    bool WantsEmail,
    bool WantsSms,
    bool SmsConsent);
