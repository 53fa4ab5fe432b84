using Clinic.Platform.Privacy;

namespace Clinic.Users.Contracts;

/// <summary>
/// A user as admins see them: by pseudonym, never by user id. The pseudonym is also how log lines name the
/// user and how admin requests address them. The display name is personal data, shown to admins only.
/// </summary>
public sealed record UserSummaryResponse(
    string Pseudonym,
    [property: PersonalData] string? DisplayName,
    string IdentityProvider,
    IReadOnlyList<string> Roles,
    bool Disabled,
    string? DoctorId,
    string CreatedAt,
    string? LastSignInAt);
