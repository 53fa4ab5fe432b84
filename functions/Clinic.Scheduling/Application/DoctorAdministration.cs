using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;
using Microsoft.Extensions.Logging;

namespace Clinic.Scheduling.Application;

/// <summary>
/// A doctor's own settings: their availability (weekly periods and days off; the zone and slot length are
/// fixed) and their public profile. Every read here comes from storage, never the cache, so a write starts from what is committed;
/// each write is one conditional replace, and right after it commits the doctor's cached views are dropped.
/// Appointments already booked are not touched: they keep their times, whatever the new rules say.
/// </summary>
public sealed class DoctorAdministration(
    IDoctorStore store,
    DoctorDirectory directory,
    ILogger<DoctorAdministration> logger)
{
    /// <summary>How often a write that lost to another one is tried again on top of it.</summary>
    private const int MaxAttempts = 3;

    public async Task<Result<VersionedAvailability>> GetAvailabilityAsync(
        string doctorId, CancellationToken cancellationToken)
    {
        if (!SchedulingIds.IsDoctorId(doctorId))
            return Failure.Validation("doctorId", "Not a doctor id.");

        var stored = await store.FindStoredAsync(doctorId, cancellationToken);
        return stored is null ? SchedulingFailures.DoctorNotFound : DoctorViews.ToAvailability(stored);
    }

    /// <summary>
    /// Replaces the availability. With <paramref name="ifMatch"/> (the If-Match header as sent), only while
    /// the stored version is the one it names: of two writers holding the same version, one wins.
    /// </summary>
    public async Task<Result<VersionedAvailability>> UpdateAvailabilityAsync(
        string doctorId,
        UpdateAvailabilityRequest request,
        string? ifMatch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (!SchedulingIds.IsDoctorId(doctorId))
            return Failure.Validation("doctorId", "Not a doctor id.");

        // Nothing changes a doctor's zone or slot length, so one check against what is stored holds for
        // every attempt below.
        var stored = await store.FindStoredAsync(doctorId, cancellationToken);
        if (stored is null)
            return SchedulingFailures.DoctorNotFound;
        if (KeepsTheGrid(stored.Doctor, request) is { } moved)
            return moved;
        var validated = AvailabilityValidator.Validate(request);
        if (!validated.Succeeded)
            return validated.Failure;

        var written = await ReplaceAsync(
            doctorId,
            ifMatch,
            current => current with
            {
                Doctor = current.Doctor.WithAvailability(validated.Value),
                AvailabilityVersion = current.AvailabilityVersion + 1,
            },
            cancellationToken);
        if (!written.Succeeded)
            return written.Failure;

        Log.DoctorAvailabilityChanged(logger, doctorId, written.Value.AvailabilityVersion);
        return DoctorViews.ToAvailability(written.Value);
    }

    /// <summary>Replaces the public profile; the availability and its version stay as they are.</summary>
    public async Task<Result<DoctorResponse>> UpdateProfileAsync(
        string doctorId, UpdateDoctorProfileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (!SchedulingIds.IsDoctorId(doctorId))
            return Failure.Validation("doctorId", "Not a doctor id.");
        var validated = DoctorProfileValidator.Validate(request);
        if (!validated.Succeeded)
            return validated.Failure;

        var written = await ReplaceAsync(
            doctorId,
            ifMatch: null,
            current => current with { Doctor = current.Doctor.WithProfile(validated.Value) },
            cancellationToken);
        if (!written.Succeeded)
            return written.Failure;

        Log.DoctorProfileChanged(logger, doctorId);
        return DoctorViews.ToResponse(written.Value.Doctor);
    }

    /// <summary>
    /// The zone and the slot length define the grid every slot of the doctor starts on (SlotCalendar). Moving
    /// it under booked appointments, or under a booking being made, could let two appointments overlap, so
    /// neither is changed here; the rest of the availability is.
    /// </summary>
    private static Failure? KeepsTheGrid(Doctor current, UpdateAvailabilityRequest requested)
    {
        var errors = new FieldErrors();
        if (requested.TimeZone != current.TimeZone.Id)
            errors.Add("timeZone", $"Stays {current.TimeZone.Id}: a doctor's time zone cannot be changed.");
        if (requested.SlotMinutes != (int)current.SlotLength.TotalMinutes)
        {
            errors.Add(
                "slotMinutes",
                $"Stays {(int)current.SlotLength.TotalMinutes}: a doctor's slot length cannot be changed.");
        }

        return errors.IsEmpty ? null : errors.ToFailure();
    }

    private async Task<Result<StoredDoctor>> ReplaceAsync(
        string doctorId,
        string? ifMatch,
        Func<StoredDoctor, StoredDoctor> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.FindStoredAsync(doctorId, cancellationToken);
            if (current is null)
                return SchedulingFailures.DoctorNotFound;
            if (ifMatch is not null && !EntityTags.MatchesIfMatch(ifMatch, DoctorViews.ETagOf(current)))
                return SchedulingFailures.AvailabilityChanged;

            var updated = change(current);
            var outcome = await store.TryReplaceAsync(
                current, updated.Doctor, updated.AvailabilityVersion, cancellationToken);
            if (outcome == DoctorWriteOutcome.Done)
            {
                // Committed: before the caller hears of it, no instance of this process serves the old rules.
                await directory.InvalidateAsync(doctorId);
                return updated;
            }

            if (outcome == DoctorWriteOutcome.NotFound)
                return SchedulingFailures.DoctorNotFound;

            // Another write landed first. Read again: with If-Match, a changed version now refuses the
            // request; without it, or after a profile change only, this change is made on top of that one.
            if (attempt == MaxAttempts)
            {
                Log.DoctorUpdateConflict(logger, doctorId, attempt);
                return SchedulingFailures.DoctorChanged;
            }
        }
    }
}
