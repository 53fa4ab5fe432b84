using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Application;

/// <summary>
/// An appointment as read. <see cref="ConcurrencyToken"/> is the store's own note of which row was read and
/// its version; a conditional write hands it back unchanged.
/// </summary>
public sealed record StoredAppointment(Appointment Appointment, string ConcurrencyToken);
