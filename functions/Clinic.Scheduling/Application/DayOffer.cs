using System.ComponentModel;

namespace Clinic.Scheduling.Application;

/// <summary>
/// The slots a doctor's rules offer on one local day, already formatted for the API. It follows from the
/// doctor's public rules alone, so it is cached with them and dropped when they change.
/// </summary>
[ImmutableObject(true)]
public sealed record DayOffer(IReadOnlyList<OfferedSlot> Slots)
{
    internal long EstimatedBytes => 64 + (Slots.Count * OfferedSlot.EstimatedBytes);
}
