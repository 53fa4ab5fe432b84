using System.ComponentModel;

namespace Clinic.Scheduling.Application;

/// <summary>
/// The slots held on one local day of a doctor: appointment ids, times and status. It carries no patient id
/// and no note, by design: this is what the cache keeps and shares (docs/caching.md).
/// </summary>
[ImmutableObject(true)]
public sealed record DaySchedule(IReadOnlyList<ScheduledSlot> Slots)
{
    /// <summary>Estimated bytes per slot in memory: the record, two instants and a 32-character id.</summary>
    private const long SlotBytes = 176;

    internal long EstimatedBytes => 64 + (Slots.Count * SlotBytes);

    internal static DaySchedule From(IEnumerable<BookedSlot> booked) =>
        new(booked.OrderBy(slot => slot.Start).Select(ScheduledSlot.From).ToList());

    /// <summary>Whether <paramref name="booked"/>, read from storage, holds the same slots in the same state.
    /// </summary>
    internal bool Matches(IReadOnlyList<BookedSlot> booked) =>
        booked.Count == Slots.Count
        && From(booked).Slots.SequenceEqual(Slots);
}
