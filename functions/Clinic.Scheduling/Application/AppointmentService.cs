using Clinic.Platform.Errors;
using Clinic.Platform.Privacy;
using Clinic.Scheduling.Caching;
using Clinic.Scheduling.Changes;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>
/// A patient's appointments: book, read, list, reschedule and cancel. Each write is one atomic store
/// operation; the checks made before it only decide whether to try, never whether a slot is free. Right after
/// a write commits, the cached days it touched are invalidated, before the caller hears of it.
/// </summary>
public sealed class AppointmentService(
    DoctorDirectory doctors,
    IAppointmentStore store,
    DaySchedules schedules,
    IClock clock,
    IOptions<SchedulingOptions> options,
    Pseudonymizer pseudonyms,
    ChangeDispatcher changes,
    ILogger<AppointmentService> logger)
{
    private const int MaxListed = 200;

    public async Task<Result<BookingResult>> BookAsync(
        string patientId,
        BookAppointmentRequest request,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var errors = new FieldErrors();
        if (!SchedulingIds.IsDoctorId(request.DoctorId))
            errors.Add("doctorId", "Give the id of a doctor.");
        if (!TimeText.TryParseInstant(request.Start, out var start))
            errors.Add("start", "Give an ISO 8601 instant, for example 2027-03-15T14:00:00Z.");
        if (idempotencyKey is not null && !SchedulingIds.IsIdempotencyKey(idempotencyKey))
            errors.Add("Idempotency-Key", "Use 1 to 128 visible ASCII characters.");
        if (!AppointmentNotes.IsValid(request.Note))
        {
            errors.Add(
                "note", $"Use at most {AppointmentNotes.MaxLength} characters, without control characters.");
        }
        if (!errors.IsEmpty)
            return errors.ToFailure();

        var doctor = await doctors.FindCommittedAsync(request.DoctorId!, cancellationToken);
        if (doctor is null)
            return SchedulingFailures.DoctorNotFound;

        var appointmentId = idempotencyKey is null
            ? SchedulingIds.NewAppointmentId()
            : SchedulingIds.AppointmentIdFor(patientId, idempotencyKey);
        var link = new PatientLink(patientId, appointmentId, doctor.Id, start, Fingerprint(doctor.Id, start));

        if (CheckSlot(doctor, start) is { } refusal)
            return await ReplayOrAsync(link, doctor, idempotencyKey is not null, refusal, cancellationToken);

        var existing = await store.AddPatientLinkAsync(link, cancellationToken);
        if (existing is not null)
        {
            if (existing.RequestFingerprint != link.RequestFingerprint)
                return SchedulingFailures.IdempotencyKeyReused;
            if (await store.FindAsync(existing, cancellationToken) is { } earlier)
                return await ReplayAsync(earlier.Appointment, doctor);
        }

        var appointment = Appointment.Book(
            appointmentId,
            patientId,
            doctor,
            new Slot(start, start + doctor.SlotLength, start.InZone(doctor.TimeZone)),
            clock.GetCurrentInstant(),
            AppointmentNotes.Normalize(request.Note));
        return await CommitBookingAsync(appointment, link, doctor, cancellationToken);
    }

    public async Task<Result<AppointmentResponse>> GetAsync(
        string patientId, string appointmentId, CancellationToken cancellationToken)
    {
        var found = await FindOwnAsync(patientId, appointmentId, cancellationToken);
        if (!found.Succeeded)
            return found.Failure;

        var (stored, doctor, _) = found.Value;
        return AppointmentViews.ToResponse(stored.Appointment, doctor);
    }

    public async Task<AppointmentListResponse> ListAsync(
        string patientId,
        CancellationToken cancellationToken)
    {
        var links = await store.ListPatientLinksAsync(patientId, MaxListed, cancellationToken);
        var reads = links.Select(async link =>
        {
            var stored = await store.FindAsync(link, cancellationToken);
            var doctor = await doctors.FindAsync(link.DoctorId, cancellationToken);
            return stored is null || doctor is null || stored.Appointment.PatientId != patientId
                ? null
                : AppointmentViews.ToResponse(stored.Appointment, doctor);
        });

        var appointments = (await Task.WhenAll(reads)).OfType<AppointmentResponse>();
        return new AppointmentListResponse(appointments
            .OrderBy(a => a.StartUtc, StringComparer.Ordinal)
            .ToList());
    }

    public async Task<Result<AppointmentResponse>> RescheduleAsync(
        string patientId,
        string appointmentId,
        RescheduleAppointmentRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TimeText.TryParseInstant(request.Start, out var start))
            return Failure.Validation("start", "Give an ISO 8601 instant, for example 2027-03-15T14:00:00Z.");

        var found = await FindOwnAsync(patientId, appointmentId, cancellationToken);
        if (!found.Succeeded)
            return found.Failure;

        var (stored, _, _) = found.Value;
        var current = stored.Appointment;
        if (CheckChangeable(current) is { } unchangeable)
            return unchangeable;

        // The new slot is checked against the rules as stored, never a cached copy (see BookAsync).
        var doctor = await doctors.FindCommittedAsync(current.DoctorId, cancellationToken);
        if (doctor is null)
            return SchedulingFailures.AppointmentNotFound;
        if (CheckSlot(doctor, start) is { } refusal)
            return refusal;
        if (current.Start == start)
            return AppointmentViews.ToResponse(current, doctor);

        var slot = new Slot(start, start + doctor.SlotLength, start.InZone(doctor.TimeZone));
        var moved = current.MoveTo(slot, clock.GetCurrentInstant());
        var change = AppointmentChange.Of(AppointmentChangeKind.Rescheduled, moved, current.Start);
        var outcome = await store.MoveAsync(stored, moved, change, cancellationToken);
        switch (outcome)
        {
            case WriteOutcome.Done:
                await schedules.InvalidateAsync(
                    doctor, InvalidationReason.Rescheduled, current.Start, moved.Start);
                Log.AppointmentRescheduled(logger, moved.Id, moved.DoctorId, moved.Version);
                changes.Post(change);
                return AppointmentViews.ToResponse(moved, doctor);
            case WriteOutcome.SlotTaken:
                await schedules.InvalidateAsync(doctor, InvalidationReason.SlotConflict, moved.Start);
                Log.SlotConflict(logger, doctor.Id);
                return SchedulingFailures.SlotTaken;
            default:
                return SchedulingFailures.AppointmentChanged;
        }
    }

    /// <summary>Cancels the appointment; cancelling one that is already cancelled changes nothing.</summary>
    public async Task<Result<AppointmentResponse>> CancelAsync(
        string patientId, string appointmentId, CancellationToken cancellationToken)
    {
        var found = await FindOwnAsync(patientId, appointmentId, cancellationToken);
        if (!found.Succeeded)
            return found.Failure;

        var (stored, doctor, link) = found.Value;
        if (stored.Appointment.Status == AppointmentStatus.Cancelled)
        {
            // Already cancelled, perhaps by an attempt of this very request whose answer was lost.
            await schedules.InvalidateAsync(doctor, InvalidationReason.Cancelled, stored.Appointment.Start);
            return AppointmentViews.ToResponse(stored.Appointment, doctor);
        }
        if (CheckChangeable(stored.Appointment) is { } refusal)
            return refusal;

        var cancelled = stored.Appointment.Cancel(clock.GetCurrentInstant());
        var change = AppointmentChange.Of(AppointmentChangeKind.Cancelled, cancelled, null);
        var outcome = await store.CancelAsync(stored, cancelled, change, cancellationToken);
        if (outcome == WriteOutcome.Done)
        {
            await schedules.InvalidateAsync(doctor, InvalidationReason.Cancelled, cancelled.Start);
            Log.AppointmentCancelled(logger, cancelled.Id, cancelled.DoctorId);
            changes.Post(change);
            return AppointmentViews.ToResponse(cancelled, doctor);
        }

        // Someone changed it meanwhile; if that change was a cancellation, this request has its answer.
        var latest = await store.FindAsync(link, cancellationToken);
        if (latest?.Appointment.Status != AppointmentStatus.Cancelled)
            return SchedulingFailures.AppointmentChanged;

        await schedules.InvalidateAsync(doctor, InvalidationReason.Cancelled, latest.Appointment.Start);
        return AppointmentViews.ToResponse(latest.Appointment, doctor);
    }

    private async Task<Result<BookingResult>> CommitBookingAsync(
        Appointment appointment, PatientLink link, Doctor doctor, CancellationToken cancellationToken)
    {
        var change = AppointmentChange.Of(AppointmentChangeKind.Booked, appointment, null);
        var outcome = await store.BookAsync(appointment, change, cancellationToken);
        if (outcome == WriteOutcome.Done)
        {
            await schedules.InvalidateAsync(doctor, InvalidationReason.Booked, appointment.Start);
            Log.AppointmentBooked(
                logger, appointment.Id, appointment.DoctorId, pseudonyms.Pseudonymize(appointment.PatientId));
            changes.Post(change);
            return new BookingResult(AppointmentViews.ToResponse(appointment, doctor), Replayed: false);
        }

        // A concurrent retry with the same key may have won: then its appointment is this request's answer.
        if (await store.FindAsync(link, cancellationToken) is { } winner)
            return await ReplayAsync(winner.Appointment, doctor);

        // The slot was shown free here but is held: this instance's copy of that day is behind.
        await schedules.InvalidateAsync(doctor, InvalidationReason.SlotConflict, appointment.Start);
        Log.SlotConflict(logger, doctor.Id);
        await store.RemovePatientLinkAsync(link, cancellationToken);
        return SchedulingFailures.SlotTaken;
    }

    private async Task<Result<BookingResult>> ReplayOrAsync(
        PatientLink link, Doctor doctor, bool keyed, Failure refusal, CancellationToken cancellationToken)
    {
        // A retry may arrive after its slot came within the notice period: it still deserves its answer.
        if (!keyed)
            return refusal;

        var earlier = await store.FindPatientLinkAsync(link.PatientId, link.AppointmentId, cancellationToken);
        if (earlier is null || earlier.RequestFingerprint != link.RequestFingerprint)
            return refusal;

        var stored = await store.FindAsync(earlier, cancellationToken);
        return stored is null ? refusal : await ReplayAsync(stored.Appointment, doctor);
    }

    // A replay may answer for a write whose own request never invalidated its day (a retried attempt that
    // committed, a response lost on the way): invalidating again costs nothing and closes that gap.
    private async Task<BookingResult> ReplayAsync(Appointment appointment, Doctor doctor)
    {
        await schedules.InvalidateAsync(doctor, InvalidationReason.Booked, appointment.Start);
        Log.BookingReplayed(logger, appointment.Id);
        return new BookingResult(AppointmentViews.ToResponse(appointment, doctor), Replayed: true);
    }

    private async Task<Result<(StoredAppointment Stored, Doctor Doctor, PatientLink Link)>> FindOwnAsync(
        string patientId, string appointmentId, CancellationToken cancellationToken)
    {
        if (!SchedulingIds.IsAppointmentId(appointmentId))
            return Failure.Validation("appointmentId", "Not an appointment id.");

        // The patient's own link is the only way in, so another patient's appointment is simply not found.
        var link = await store.FindPatientLinkAsync(patientId, appointmentId, cancellationToken);
        if (link is null)
            return SchedulingFailures.AppointmentNotFound;

        var stored = await store.FindAsync(link, cancellationToken);
        var doctor = await doctors.FindAsync(link.DoctorId, cancellationToken);
        if (stored is null || doctor is null || stored.Appointment.PatientId != patientId)
            return SchedulingFailures.AppointmentNotFound;

        return (stored, doctor, link);
    }

    private Failure? CheckSlot(Doctor doctor, Instant start)
    {
        var now = clock.GetCurrentInstant();
        if (start < now + options.Value.Notice)
            return SchedulingFailures.TooSoon;
        if (start > now + Duration.FromDays(options.Value.MaxDaysAhead))
            return SchedulingFailures.TooFarAhead;
        return SlotCalendar.Offers(doctor, start) ? null : SchedulingFailures.SlotNotOffered;
    }

    private Failure? CheckChangeable(Appointment appointment)
    {
        if (appointment.Status == AppointmentStatus.Cancelled)
            return SchedulingFailures.AppointmentCancelled;
        return appointment.Start <= clock.GetCurrentInstant() ? SchedulingFailures.AppointmentStarted : null;
    }

    private static string Fingerprint(string doctorId, Instant start) =>
        $"{doctorId}|{TimeText.Format(start)}";
}
