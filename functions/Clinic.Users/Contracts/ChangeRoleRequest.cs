namespace Clinic.Users.Contracts;

/// <summary>Assign <paramref name="Role"/> (<c>doctor</c> or <c>admin</c>) to a user.</summary>
public sealed record ChangeRoleRequest(string? Role);
