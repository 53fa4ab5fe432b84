using Clinic.Platform.Identity;

namespace Clinic.Users.Domain;

/// <summary>
/// The roles an admin can give. <see cref="Roles.Patient"/> is not among them: every signed-in user is a
/// patient, so it is never stored, only added when roles are read.
/// </summary>
public static class AssignableRoles
{
    public static IReadOnlyList<string> All { get; } = [Roles.Doctor, Roles.Admin];

    public static bool Contains(string? role) => role is Roles.Doctor or Roles.Admin;
}
