namespace Clinic.Notifications.Deliveries;

/// <summary>Dead letters, kept until an administrator replays them.</summary>
public interface IDeadLetterStore
{
    /// <summary>Keeps the dead letter; keeping the same id twice is no error.</summary>
    Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken);

    Task<DeadLetter?> FindAsync(string id, CancellationToken cancellationToken);

    Task RemoveAsync(string id, CancellationToken cancellationToken);
}
