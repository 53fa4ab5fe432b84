namespace Clinic.Scheduling.Contracts;

/// <summary>Replaces the public profile that patients see in the doctor list.</summary>
public sealed record UpdateDoctorProfileRequest(string? DisplayName, string? Specialty);
