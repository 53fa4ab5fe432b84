using Clinic.Platform.Privacy;
using Clinic.Users.Contracts;
using Clinic.Users.Domain;
using NodaTime;
using NodaTime.Text;

namespace Clinic.Users.Application;

/// <summary>Turns records into responses; instants are written as ISO 8601 UTC text.</summary>
internal static class UsersViews
{
    public static UserSummaryResponse ToSummary(UserRecord user, Pseudonymizer pseudonymizer) => new(
        pseudonymizer.Pseudonymize(user.UserId),
        user.DisplayName,
        user.IdentityProvider,
        user.EffectiveRoles,
        user.Disabled,
        user.DoctorId,
        Format(user.CreatedAt),
        Format(user.LastSignInAt));

    public static ProfileResponse ToResponse(UserProfile profile) => new(
        profile.DisplayName,
        profile.Email,
        profile.Phone,
        profile.PreferredLanguage,
        profile.TimeZone,
        profile.NotificationChannels,
        profile.SmsConsent,
        Format(profile.SmsConsentGivenAt),
        Format(profile.UpdatedAt),
        profile.BirthDate is { } birthDate ? LocalDatePattern.Iso.Format(birthDate) : null);

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string? Format(Instant? instant) => instant is { } value ? Format(value) : null;
}
