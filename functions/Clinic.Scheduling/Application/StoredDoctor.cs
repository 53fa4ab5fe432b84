using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Application;

/// <summary>
/// A doctor as read from storage: <see cref="AvailabilityVersion"/> grows with each change of the
/// availability (the API's ETag comes from it, so a profile change does not make an availability form stale),
/// and <see cref="ConcurrencyToken"/> is what a replace must still find.
/// </summary>
public sealed record StoredDoctor(Doctor Doctor, int AvailabilityVersion, string ConcurrencyToken);
