namespace Clinic.Scheduling.Contracts;

/// <summary>
/// A free slot: its UTC instants, and its wall-clock start and offset in the doctor's zone.
/// </summary>
public sealed record SlotResponse(
    string StartUtc,
    string EndUtc,
    string LocalStart,
    string UtcOffset,
    string TimeZone);
