using NodaTime;

namespace Clinic.Scheduling.Application;

public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>How far ahead of its start an appointment must be booked or moved to.</summary>
    public TimeSpan MinimumNotice { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest date range one slot search may cover.</summary>
    public int MaxSearchDays { get; set; } = 31;

    /// <summary>How many days ahead slots are searched and booked.</summary>
    public int MaxDaysAhead { get; set; } = 1826;

    internal Duration Notice => Duration.FromTimeSpan(MinimumNotice);

    /// <summary>
    /// How old an outbox entry must be before the sweep publishes it, so the sweep does not race the publish
    /// right after the commit.
    /// </summary>
    public TimeSpan OutboxSweepDelay { get; set; } = TimeSpan.FromSeconds(30);
}
