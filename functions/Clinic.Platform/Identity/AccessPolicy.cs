namespace Clinic.Platform.Identity;

/// <summary>Who may call a function. Every function declares one; there is no default.</summary>
public enum AccessPolicy
{
    /// <summary>Anyone, signed in or not: public, non-personal data only.</summary>
    Anonymous,

    /// <summary>
    /// Any signed-in, enabled user, acting on their own resources only (their profile, their appointments).
    /// </summary>
    Owner,

    /// <summary>A user whom the users table lists as a doctor.</summary>
    Doctor,

    /// <summary>A user whom the users table lists as an admin.</summary>
    Admin,
}
