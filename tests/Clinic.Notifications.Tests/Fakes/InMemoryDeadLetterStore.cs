using Clinic.Notifications.Deliveries;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>Dead letters in memory, kept once per id as the table keeps them.</summary>
internal sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    private readonly Dictionary<string, DeadLetter> _letters = [];

    public Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        lock (_letters)
            _letters[deadLetter.Id] = deadLetter;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken)
    {
        lock (_letters)
        {
            IReadOnlyList<DeadLetter> letters = _letters.Values
                .OrderByDescending(letter => letter.DeadLetteredAt).Take(max).ToList();
            return Task.FromResult(letters);
        }
    }

    public Task<DeadLetter?> FindAsync(string id, CancellationToken cancellationToken)
    {
        lock (_letters)
            return Task.FromResult(_letters.GetValueOrDefault(id));
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        lock (_letters)
            _letters.Remove(id);
        return Task.CompletedTask;
    }
}
