using System.ComponentModel;
using Clinic.Scheduling.Domain;
using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>A held slot as the cache keeps it; times as offsets, which the second level serializes.</summary>
[ImmutableObject(true)]
public sealed record ScheduledSlot(
    string AppointmentId, DateTimeOffset StartUtc, DateTimeOffset EndUtc, AppointmentStatus Status)
{
    internal Instant Start => Instant.FromDateTimeOffset(StartUtc);

    internal static ScheduledSlot From(BookedSlot slot) => new(
        slot.AppointmentId, slot.Start.ToDateTimeOffset(), slot.End.ToDateTimeOffset(), slot.Status);
}
