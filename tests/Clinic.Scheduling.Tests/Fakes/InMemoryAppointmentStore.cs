using System.Collections.Concurrent;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Changes;
using Clinic.Scheduling.Domain;
using NodaTime;

namespace Clinic.Scheduling.Tests.Fakes;

/// <summary>
/// Held slots in memory, changed behind the cache's back by <see cref="Hold"/> and <see cref="Free"/>. Reads
/// are counted, and can be held at a gate to line a read up with a change. Only reads are supported.
/// </summary>
internal sealed class InMemoryAppointmentStore : IAppointmentStore
{
    private readonly ConcurrentDictionary<(string Doctor, Instant Start), BookedSlot> _held = new();
    private int _reads;
    private TaskCompletionSource? _gate;
    private TaskCompletionSource? _release;
    private TaskCompletionSource _atGate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Reads => Volatile.Read(ref _reads);

    public BookedSlot Hold(
        string doctorId,
        Instant start,
        string? note = null,
        AppointmentStatus status = AppointmentStatus.Booked)
    {
        var slot = new BookedSlot(
            Guid.NewGuid().ToString("N"), "patient-fictional", start, start + Duration.FromMinutes(30), note,
            status);
        _held[(doctorId, start)] = slot;
        return slot;
    }

    public void Free(string doctorId, Instant start) => _held.TryRemove((doctorId, start), out _);

    /// <summary>
    /// The next reads wait at a gate until <see cref="OpenGate"/>; the task completes when one waits.
    /// </summary>
    public Task CloseGate()
    {
        _atGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = _release;
        return _atGate.Task;
    }

    public void OpenGate() => _release?.TrySetResult();

    public async Task<IReadOnlyList<BookedSlot>> ListBookedAsync(
        string doctorId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);

        // The read happens now, before the gate: what it returns is what storage held at this moment.
        var slots = _held
            .Where(pair => pair.Key.Doctor == doctorId && pair.Key.Start >= from && pair.Key.Start < to)
            .Select(pair => pair.Value)
            .ToList();
        if (_gate is { } gate)
        {
            _gate = null;
            _atGate.TrySetResult();
            await gate.Task;
        }

        return slots;
    }

    public Task<PatientLink?> AddPatientLinkAsync(PatientLink link, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task RemovePatientLinkAsync(PatientLink link, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<PatientLink?> FindPatientLinkAsync(
        string patientId, string appointmentId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<PatientLink>> ListPatientLinksAsync(
        string patientId, int max, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<StoredAppointment?> FindAsync(PatientLink link, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<WriteOutcome> BookAsync(
        Appointment appointment, AppointmentChange change, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<WriteOutcome> MoveAsync(
        StoredAppointment current,
        Appointment moved,
        AppointmentChange change,
        CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<WriteOutcome> CancelAsync(
        StoredAppointment current,
        Appointment cancelled,
        AppointmentChange change,
        CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<StoredAppointment?> FindForDoctorAsync(
        string doctorId, string appointmentId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<WriteOutcome> RecordOutcomeAsync(
        StoredAppointment current, Appointment recorded, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
