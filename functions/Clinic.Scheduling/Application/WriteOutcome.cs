namespace Clinic.Scheduling.Application;

/// <summary>How a conditional write of appointment rows ended.</summary>
public enum WriteOutcome
{
    Done,

    /// <summary>Another appointment holds the wanted slot.</summary>
    SlotTaken,

    /// <summary>
    /// The appointment row already exists (booking) or changed since it was read (updates).
    /// </summary>
    Conflict,
}
