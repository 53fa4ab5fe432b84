namespace Clinic.Scheduling.Contracts;

/// <summary>A doctor's public profile; nothing in it is personal data of a patient.</summary>
public sealed record DoctorResponse(string Id, string DisplayName, string Specialty, string TimeZone);
