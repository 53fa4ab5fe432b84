using System.Text.Json.Serialization;
using Clinic.Platform.Privacy;

namespace Clinic.Users.Contracts;

/// <summary>
/// What Static Web Apps posts to the <c>rolesSource</c> function after a sign-in. It also sends the
/// provider's <c>accessToken</c> (and may add fields later); unknown members are skipped on purpose, so the
/// token is never bound, kept or printed, and a new field cannot break every sign-in.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record RoleAssignmentRequest(
    string? IdentityProvider,
    string? UserId,
    [property: PersonalData] string? UserDetails,
    IReadOnlyList<RoleAssignmentClaim>? Claims);
