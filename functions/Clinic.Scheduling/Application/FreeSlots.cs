using System.ComponentModel;

namespace Clinic.Scheduling.Application;

/// <summary>
/// The free slots of one search range, in order, as they stood when read: the weekly rules less days off and
/// held slots. The notice period is applied to it on every answer, never stored in it.
/// </summary>
[ImmutableObject(true)]
public sealed record FreeSlots(IReadOnlyList<OfferedSlot> Slots)
{
    public static FreeSlots None { get; } = new([]);

    internal long EstimatedBytes => 64 + (Slots.Count * OfferedSlot.EstimatedBytes);
}
