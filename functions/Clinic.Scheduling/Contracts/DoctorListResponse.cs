namespace Clinic.Scheduling.Contracts;

public sealed record DoctorListResponse(IReadOnlyList<DoctorResponse> Doctors);
