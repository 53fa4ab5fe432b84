namespace Clinic.Scheduling.Contracts;

public sealed record AppointmentListResponse(IReadOnlyList<AppointmentResponse> Appointments);
