using System.ComponentModel;
using Clinic.Scheduling.Contracts;
using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>An offered slot: its start, to compare, and its response, to return.</summary>
[ImmutableObject(true)]
public sealed record OfferedSlot(Instant Start, SlotResponse Response)
{
    /// <summary>Estimated bytes one slot keeps alive: the record, an instant and five short strings.</summary>
    internal const long EstimatedBytes = 480;
}
