namespace Clinic.Scheduling.Contracts;

/// <summary>Move an appointment to the same doctor's slot that starts at <paramref name="Start"/>.</summary>
public sealed record RescheduleAppointmentRequest(string? Start);
