using Clinic.Platform.Errors;
using Clinic.Scheduling.Caching;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>
/// The doctor records what happened at a visit: completed, or a no-show. Recording it again is a no-op.
/// </summary>
public sealed class VisitOutcomes(
    DoctorDirectory doctors,
    IAppointmentStore store,
    DaySchedules schedules,
    IClock clock,
    ILogger<VisitOutcomes> logger)
{
    public async Task<Result<AppointmentResponse>> RecordAsync(
        string doctorId, string appointmentId, AppointmentStatus outcome, CancellationToken cancellationToken)
    {
        if (!SchedulingIds.IsAppointmentId(appointmentId))
            return Failure.Validation("appointmentId", "Not an appointment id.");

        var doctor = await doctors.FindAsync(doctorId, cancellationToken);
        var stored = doctor is null
            ? null
            : await store.FindForDoctorAsync(doctorId, appointmentId, cancellationToken);
        if (doctor is null || stored is null)
            return SchedulingFailures.AppointmentNotFound;

        var current = stored.Appointment;
        if (current.Status == outcome)
            return AppointmentViews.ToResponse(current, doctor);
        if (current.Status == AppointmentStatus.Cancelled)
            return SchedulingFailures.AppointmentCancelled;
        if (current.Start > clock.GetCurrentInstant())
            return SchedulingFailures.AppointmentNotStarted;

        var recorded = current.RecordOutcome(outcome, clock.GetCurrentInstant());
        if (await store.RecordOutcomeAsync(stored, recorded, cancellationToken) != WriteOutcome.Done)
            return SchedulingFailures.AppointmentChanged;

        // The doctor's day shows each visit's status.
        await schedules.InvalidateAsync(doctor, InvalidationReason.VisitRecorded, recorded.Start);
        if (outcome == AppointmentStatus.Completed)
            Log.AppointmentCompleted(logger, recorded.Id, recorded.DoctorId);
        else
            Log.AppointmentNoShow(logger, recorded.Id, recorded.DoctorId);
        return AppointmentViews.ToResponse(recorded, doctor);
    }
}
