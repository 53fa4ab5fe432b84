namespace Clinic.Scheduling.Domain;

/// <summary>The public part of a doctor that patients choose by: the name shown and the specialty.</summary>
public sealed record DoctorProfile(string DisplayName, string Specialty);
