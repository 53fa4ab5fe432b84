using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Resilience;

internal static partial class ResilienceLog
{
    [LoggerMessage(1020, LogLevel.Error,
        "Circuit of {Dependency} opened: calls are refused for {BreakDuration} before a trial call",
        EventName = "CircuitOpened")]
    public static partial void CircuitOpened(ILogger logger, string dependency, TimeSpan breakDuration);

    [LoggerMessage(1021, LogLevel.Information, "Circuit of {Dependency} closed: calls flow again",
        EventName = "CircuitClosed")]
    public static partial void CircuitClosed(ILogger logger, string dependency);
}
