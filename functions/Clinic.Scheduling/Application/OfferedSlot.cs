using System.ComponentModel;
using Clinic.Scheduling.Contracts;
using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>An offered slot: its start, to compare, and its response, to return.</summary>
[ImmutableObject(true)]
public sealed record OfferedSlot(Instant Start, SlotResponse Response);
