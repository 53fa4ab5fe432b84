namespace Clinic.Scheduling.Changes;

/// <summary>
/// The changes committed but not yet published. The store writes them with the change itself; the dispatcher
/// removes each once it is published.
/// </summary>
public interface IChangeOutbox
{
    /// <summary>Changes committed before <paramref name="committedBefore"/>, oldest first, at most max.</summary>
    Task<IReadOnlyList<AppointmentChange>> ListPendingAsync(
        DateTimeOffset committedBefore, int max, CancellationToken cancellationToken);

    /// <summary>Forgets a published change; a change already gone is no error.</summary>
    Task RemoveAsync(AppointmentChange change, CancellationToken cancellationToken);
}
