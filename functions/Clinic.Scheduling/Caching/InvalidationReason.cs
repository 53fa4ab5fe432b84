namespace Clinic.Scheduling.Caching;

/// <summary>Why cached views were invalidated, as logged.</summary>
public enum InvalidationReason
{
    Booked,
    Rescheduled,
    Cancelled,
    VisitRecorded,

    /// <summary>A booking or move found its slot taken: this instance's view of that day was behind.</summary>
    SlotConflict,

    /// <summary>The doctor's day read from storage differed from the cached schedule.</summary>
    ScheduleDiffered,

    DoctorChanged,
}
