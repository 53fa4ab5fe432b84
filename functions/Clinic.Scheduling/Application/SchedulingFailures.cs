using Clinic.Platform.Errors;

namespace Clinic.Scheduling.Application;

/// <summary>
/// The refusals of scheduling, each with a stable code that is documented as a problem type.
/// </summary>
public static class SchedulingFailures
{
    public static readonly Failure DoctorNotFound =
        Failure.NotFound("doctor-not-found", "There is no such doctor.");

    public static readonly Failure AppointmentNotFound =
        Failure.NotFound("appointment-not-found", "There is no such appointment.");

    public static readonly Failure SlotTaken =
        Failure.Conflict("slot-taken", "This slot is already booked. Please pick another.");

    public static readonly Failure AppointmentChanged = Failure.Conflict(
        "appointment-changed",
        "The appointment changed while this request ran. Please reload and try again.");

    public static readonly Failure SlotNotOffered =
        Failure.Unprocessable("slot-not-offered", "The doctor does not offer a slot at this time.");

    public static readonly Failure TooFarAhead = Failure.Unprocessable(
        "too-far-ahead", "This slot is further ahead than bookings are taken. Please pick an earlier one.");

    public static readonly Failure TooSoon = Failure.Unprocessable(
        "too-soon", "This slot starts too soon or has passed. Please pick a later one.");

    public static readonly Failure AppointmentCancelled =
        Failure.Unprocessable("appointment-cancelled", "A cancelled appointment cannot be moved.");

    public static readonly Failure AppointmentStarted = Failure.Unprocessable(
        "appointment-started", "This appointment has already started and can no longer be changed.");

    public static readonly Failure AppointmentNotStarted = Failure.Unprocessable(
        "appointment-not-started", "A visit's outcome can be recorded once the appointment has begun.");

    public static readonly Failure IdempotencyKeyReused = Failure.Unprocessable(
        "idempotency-key-reused", "This Idempotency-Key was already used for a different booking.");

    public static readonly Failure AvailabilityChanged = Failure.PreconditionFailed(
        "availability-changed",
        "The availability changed since it was read (If-Match). Please reload it and try again.");

    public static readonly Failure DoctorChanged = Failure.Conflict(
        "doctor-changed", "The doctor was changed by someone else meanwhile. Please reload and try again.");
}
