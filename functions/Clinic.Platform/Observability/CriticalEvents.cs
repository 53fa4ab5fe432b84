using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Clinic.Platform.Observability;

/// <summary>
/// The single place that decides which log records are critical or security events, exported at once
/// instead of with the next batch: every record at Error or above, and the events named here. A module adds
/// its own names with <c>services.AddCriticalEvents("Name")</c>, or an operator with
/// <c>Telemetry:CriticalEventNames</c>; docs/observability.md lists which module uses which.
/// </summary>
public sealed class CriticalEvents
{
    /// <summary>
    /// Critical wherever they are logged. Billing and notifications do not exist yet; their names are here so
    /// that the alert rules deployed today already match what those modules will log.
    /// </summary>
    public static IReadOnlySet<string> BuiltInNames { get; } = new[]
    {
        "UnhandledException",
        "AccessDenied",
        "FunctionWithoutPolicy",
        "CircuitOpened",
        "PaymentFailed",
        "NotificationDeadLettered",
        "AlertRaised",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The platform's ids of the first three names above, for records without a name.</summary>
    public static IReadOnlySet<int> BuiltInIds { get; } = new[] { 1001, 1010, 1011 }.ToFrozenSet();

    /// <summary>Ids count only in the app's own categories: libraries number their events too.</summary>
    public const string AppCategoryPrefix = "Clinic.";

    private readonly FrozenSet<string> _names;
    private readonly FrozenSet<int> _ids;

    public CriticalEvents(TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        _names = BuiltInNames.Concat(options.CriticalEventNames).ToFrozenSet(StringComparer.Ordinal);
        _ids = BuiltInIds.Concat(options.CriticalEventIds).ToFrozenSet();
    }

    public bool IsCritical(string? category, LogLevel level, EventId eventId)
    {
        if (level is >= LogLevel.Error and < LogLevel.None)
            return true;

        if (eventId.Name is { } name && _names.Contains(name))
            return true;

        return _ids.Contains(eventId.Id)
            && category?.StartsWith(AppCategoryPrefix, StringComparison.Ordinal) == true;
    }

    public bool IsCritical(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return IsCritical(record.CategoryName, record.LogLevel, record.EventId);
    }
}
