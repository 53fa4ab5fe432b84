using Clinic.Users.Application;
using Clinic.Users.Domain;

namespace Clinic.Users.Tests.Fakes;

/// <summary>
/// The profiles table in memory, with the adapter's semantics: add, or replace if unchanged.
/// </summary>
internal sealed class InMemoryProfileStore : IProfileStore
{
    private readonly Dictionary<string, StoredProfile> _profiles = new(StringComparer.Ordinal);
    private int _version;

    public int ConcurrentWritesToSimulate { get; set; }

    public UserProfile? Get(string userId) => _profiles.GetValueOrDefault(userId)?.Profile;

    public Task<StoredProfile?> FindAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.GetValueOrDefault(userId));

    public Task<bool> TrySaveAsync(
        string userId, UserProfile profile, string? expectedToken, CancellationToken cancellationToken)
    {
        if (ConcurrentWritesToSimulate > 0)
        {
            ConcurrentWritesToSimulate--;
            var unchanged = _profiles.GetValueOrDefault(userId)?.Profile ?? UserProfile.Empty;
            _profiles[userId] = new StoredProfile(unchanged, $"v{++_version}");
            return Task.FromResult(false);
        }

        var current = _profiles.GetValueOrDefault(userId)?.ConcurrencyToken;
        if (current != expectedToken)
            return Task.FromResult(false);

        _profiles[userId] = new StoredProfile(profile, $"v{++_version}");
        return Task.FromResult(true);
    }
}
