using Clinic.Platform.Privacy;
using Clinic.Users.Application;
using Clinic.Users.Domain;
using NodaTime;

namespace Clinic.Users.Tests.Fakes;

/// <summary>
/// The users table in memory, with the table adapter's semantics: tokens change on every write and a stale
/// token loses. <see cref="ConcurrentWritesToSimulate"/> makes the next replacements lose, as if someone
/// else wrote first.
/// </summary>
internal sealed class InMemoryUserStore(Pseudonymizer pseudonymizer) : IUserStore
{
    private readonly Dictionary<string, StoredUser> _users = new(StringComparer.Ordinal);
    private int _version;

    public int ConcurrentWritesToSimulate { get; set; }

    public int Replacements { get; private set; }

    public IReadOnlyCollection<StoredUser> All => _users.Values;

    public void Put(UserRecord user) => _users[user.UserId] = new StoredUser(user, $"v{++_version}");

    public UserRecord? Get(string userId) => _users.TryGetValue(userId, out var stored) ? stored.User : null;

    public Task<StoredUser?> FindAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_users.GetValueOrDefault(userId));

    public Task<StoredUser?> FindByPseudonymAsync(string pseudonym, CancellationToken cancellationToken) =>
        Task.FromResult(_users.Values.FirstOrDefault(
            stored => pseudonymizer.Pseudonymize(stored.User.UserId) == pseudonym));

    public Task<bool> AddAsync(UserRecord user, CancellationToken cancellationToken)
    {
        if (_users.ContainsKey(user.UserId))
            return Task.FromResult(false);

        Put(user);
        return Task.FromResult(true);
    }

    public Task<bool> TryReplaceAsync(
        StoredUser current, UserRecord updated, CancellationToken cancellationToken)
    {
        if (ConcurrentWritesToSimulate > 0)
        {
            ConcurrentWritesToSimulate--;
            Put(_users[current.User.UserId].User);
            return Task.FromResult(false);
        }

        var latest = _users.GetValueOrDefault(current.User.UserId);
        if (latest?.ConcurrencyToken != current.ConcurrencyToken)
            return Task.FromResult(false);

        Put(updated);
        Replacements++;
        return Task.FromResult(true);
    }

    public Task RecordSignInAsync(string userId, Instant signedInAt, CancellationToken cancellationToken)
    {
        if (_users.TryGetValue(userId, out var stored))
            Put(stored.User with { LastSignInAt = signedInAt });
        return Task.CompletedTask;
    }

    public Task<UserPage> ListAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult(new UserPage(
            _users.Values.Select(stored => stored.User).Take(max).ToList(), _users.Count > max));
}
