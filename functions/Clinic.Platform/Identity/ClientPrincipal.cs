namespace Clinic.Platform.Identity;

/// <summary>
/// The signed-in caller as Static Web Apps describes them in <c>x-ms-client-principal</c>. The roles here are
/// what the caller's token claims; rights beyond <c>patient</c> are confirmed against the users table.
/// </summary>
public sealed record ClientPrincipal(
    string IdentityProvider,
    string UserId,
    string? UserDetails,
    IReadOnlyList<string> UserRoles)
{
    public bool ClaimsRole(string role) => UserRoles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
