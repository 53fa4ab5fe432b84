using Clinic.Scheduling.Contracts;

namespace Clinic.Scheduling.Application;

/// <summary>
/// A booked appointment; <paramref name="Replayed"/> when an earlier request with the same key made it.
/// </summary>
public sealed record BookingResult(AppointmentResponse Appointment, bool Replayed);
