namespace Clinic.Users.Contracts;

/// <summary>
/// One claim of the provider's token as Static Web Apps passes it: <c>typ</c> and <c>val</c>.
/// </summary>
public sealed record RoleAssignmentClaim(string? Typ, string? Val);
