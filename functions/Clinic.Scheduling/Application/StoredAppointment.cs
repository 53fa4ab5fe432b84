using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Application;

/// <summary>An appointment as read, with the storage version that a conditional write must match.</summary>
public sealed record StoredAppointment(Appointment Appointment, string ConcurrencyToken);
