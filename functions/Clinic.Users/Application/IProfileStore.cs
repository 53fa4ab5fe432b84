using Clinic.Users.Domain;

namespace Clinic.Users.Application;

/// <summary>Patients' profiles, one per user; personal data that stays in storage.</summary>
public interface IProfileStore
{
    Task<StoredProfile?> FindAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the profile if it is still as read: with <paramref name="expectedToken"/> null, only if the user
    /// has none yet. Returns false when someone else wrote first.
    /// </summary>
    Task<bool> TrySaveAsync(
        string userId, UserProfile profile, string? expectedToken, CancellationToken cancellationToken);
}
