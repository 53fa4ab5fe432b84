namespace Clinic.Platform.Identity;

/// <summary>
/// A signed-in caller whose rights were confirmed against the users table for this request. Roles here are
/// the assigned ones, whatever the principal header claimed.
/// </summary>
public sealed record Caller(string UserId, IReadOnlySet<string> Roles, string? DoctorId)
{
    public bool IsAdmin => Roles.Contains(Identity.Roles.Admin);

    public bool IsDoctor => Roles.Contains(Identity.Roles.Doctor);

    /// <summary>Whether the caller may act for that doctor: an admin, or the account linked to it.</summary>
    public bool ActsFor(string doctorId) =>
        IsAdmin || string.Equals(DoctorId, doctorId, StringComparison.Ordinal);
}
