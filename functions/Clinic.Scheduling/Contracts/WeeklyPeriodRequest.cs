namespace Clinic.Scheduling.Contracts;

/// <summary>
/// One working period: an English weekday name (<c>Monday</c>) and wall-clock times as <c>HH:mm</c>.
/// </summary>
public sealed record WeeklyPeriodRequest(string? Day, string? Start, string? End);
