using NodaTime;

namespace Clinic.Scheduling.Domain;

/// <summary>
/// One bookable period: its instants, and the wall-clock start a patient of that doctor sees.
/// </summary>
public sealed record Slot(Instant Start, Instant End, ZonedDateTime LocalStart);
