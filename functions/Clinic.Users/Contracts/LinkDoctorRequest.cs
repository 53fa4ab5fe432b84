namespace Clinic.Users.Contracts;

/// <summary>Let a user act as the doctor <paramref name="DoctorId"/>, a slug such as <c>dr-amelia-hart</c>.
/// </summary>
public sealed record LinkDoctorRequest(string? DoctorId);
