namespace Clinic.Scheduling.Contracts;

/// <summary>A working period as stored: <c>{ day: "Monday", start: "09:00", end: "12:30" }</c>.</summary>
public sealed record WeeklyPeriodResponse(string Day, string Start, string End);
