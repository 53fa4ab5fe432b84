using Clinic.Scheduling.Contracts;

namespace Clinic.Scheduling.Application;

/// <summary>A doctor's availability and the entity tag that names this version of it.</summary>
public sealed record VersionedAvailability(DoctorAvailabilityResponse Availability, string ETag);
