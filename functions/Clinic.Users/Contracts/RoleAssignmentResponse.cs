namespace Clinic.Users.Contracts;

/// <summary>
/// The <c>rolesSource</c> answer, <c>{ "roles": [...] }</c>. Static Web Apps adds <c>anonymous</c> and
/// <c>authenticated</c> itself; an empty list (a disabled account) gives nothing beyond those.
/// </summary>
public sealed record RoleAssignmentResponse(IReadOnlyList<string> Roles);
