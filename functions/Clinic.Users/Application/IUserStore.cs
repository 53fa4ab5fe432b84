using Clinic.Users.Domain;
using NodaTime;

namespace Clinic.Users.Application;

/// <summary>
/// The users table. Reads by user id are point reads; a user can also be found by pseudonym, which is how
/// admins address users without seeing their ids. Replacements are conditional on the token that was read.
/// </summary>
public interface IUserStore
{
    Task<StoredUser?> FindAsync(string userId, CancellationToken cancellationToken);

    Task<StoredUser?> FindByPseudonymAsync(string pseudonym, CancellationToken cancellationToken);

    /// <summary>Adds the user unless one with the same id exists; returns whether it was added.</summary>
    Task<bool> AddAsync(UserRecord user, CancellationToken cancellationToken);

    /// <summary>Replaces the user if nobody changed it since <paramref name="current"/> was read.</summary>
    Task<bool> TryReplaceAsync(StoredUser current, UserRecord updated, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the last sign-in time alone, whatever changed meanwhile; ignores an unknown user.
    /// </summary>
    Task RecordSignInAsync(string userId, Instant signedInAt, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> users, in storage order.</summary>
    Task<UserPage> ListAsync(int max, CancellationToken cancellationToken);
}
