using Clinic.Platform.Identity;
using Clinic.Platform.Privacy;
using NodaTime;

namespace Clinic.Users.Domain;

/// <summary>
/// What the clinic knows about a signed-in account: its assigned roles (doctor, admin), the doctor it acts
/// as, and whether it is disabled. Changes return a new record, or this same instance when nothing changes.
/// </summary>
public sealed record UserRecord(
    string UserId,
    string IdentityProvider,
    IReadOnlySet<string> AssignedRoles,
    string? DoctorId,
    bool Disabled,
    [property: PersonalData] string? DisplayName,
    Instant CreatedAt,
    Instant? LastSignInAt)
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>The account as its first sign-in creates it: a patient, nothing more.</summary>
    public static UserRecord Register(
        string userId, string identityProvider, string? displayName, Instant now) =>
        new(userId, identityProvider, NoRoles(), DoctorId: null, Disabled: false, displayName, now, now);

    /// <summary>Patient, then the assigned roles, in the order of <see cref="Roles.All"/>.</summary>
    public IReadOnlyList<string> EffectiveRoles =>
        Roles.All.Where(role => role == Roles.Patient || AssignedRoles.Contains(role)).ToList();

    public bool HasRole(string role) => role == Roles.Patient || AssignedRoles.Contains(role);

    public UserRecord WithRole(string role)
    {
        if (!AssignableRoles.Contains(role))
            throw new ArgumentException("Only doctor and admin are assigned.", nameof(role));

        return AssignedRoles.Contains(role)
            ? this
            : this with { AssignedRoles = AssignedRoles.Append(role).ToHashSet(StringComparer.Ordinal) };
    }

    public UserRecord WithoutRole(string role) =>
        AssignedRoles.Contains(role)
            ? this with { AssignedRoles = AssignedRoles.Except([role]).ToHashSet(StringComparer.Ordinal) }
            : this;

    public UserRecord LinkedTo(string? doctorId) =>
        DoctorId == doctorId ? this : this with { DoctorId = doctorId };

    public UserRecord WithDisabled(bool disabled) =>
        Disabled == disabled ? this : this with { Disabled = disabled };

    public static HashSet<string> NoRoles() => new(StringComparer.Ordinal);
}
