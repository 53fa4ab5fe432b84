using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Runs one timer function on its schedule the way the Functions host does: once at start-up if it asks to,
/// then at each occurrence, one run at a time (the host holds a singleton lock), counting the next occurrence
/// from the start of the last run. Occurrences that pass during a long run are not queued up: the next run
/// starts as soon as the long one ends, marked past due.
/// </summary>
/// <remarks>
/// Its <see cref="TimerInfo.ScheduleStatus"/> is what the host's schedule monitor would have stored before
/// the run: <c>Last</c> is when the previous run started (<c>default</c> before the first), and <c>Next</c>
/// is the occurrence being run now. Times are wall-clock times of the host's time zone, as in Azure. It is
/// given whether or not the function asks for the monitor (<c>UseMonitor</c>), and kept in memory only.
/// <para>
/// Past due differs on purpose. Azure sets <see cref="TimerInfo.IsPastDue"/> only for the monitor's catch-up
/// run after downtime, which needs stored state; here it marks the run of an occurrence that had to wait for
/// the previous run to end, the one kind of missed occurrence a local host sees.
/// </para>
/// </remarks>
public sealed class TimerRunner
{
    // Task.Delay waits at most about 49 days; longer waits are taken in steps.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    private readonly TimerFunction _function;
    private readonly CronTimerSchedule _schedule;
    private readonly FunctionInvoker<TimerInfo> _invoker;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private ScheduleStatus _status = new();
    private DateTimeOffset _next;
    private DateTimeOffset _lastRunEnded = DateTimeOffset.MinValue;

    public TimerRunner(
        TimerFunction function,
        CronTimerSchedule schedule,
        IServiceScopeFactory scopes,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(function);

        _function = function;
        _schedule = schedule;
        _invoker = new FunctionInvoker<TimerInfo>(function.Name, function.Method, BinderFor);
        _scopes = scopes;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Runs until <paramref name="stoppingToken"/> is cancelled, which ends it with that cancellation.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        _next = _schedule.NextAfter(_time.GetUtcNow(), _time.LocalTimeZone);
        _status = new ScheduleStatus { Next = WallClock(_next) };
        Log.TimerScheduled(_logger, _function.Name, _schedule.Expression, _next);

        if (_function.Trigger.RunOnStartup)
            await RunOnceAsync(occurrence: null, stoppingToken);

        while (true)
        {
            await DelayUntilAsync(_next, stoppingToken);
            await RunOnceAsync(_next, stoppingToken);
        }
    }

    private async Task RunOnceAsync(DateTimeOffset? occurrence, CancellationToken stoppingToken)
    {
        var started = _time.GetUtcNow();

        // An occurrence that came while the previous run was still going had to wait for it.
        var timer = new TimerInfo { ScheduleStatus = _status, IsPastDue = occurrence < _lastRunEnded };
        try
        {
            await _invoker.InvokeAsync(_scopes, timer, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !stoppingToken.IsCancellationRequested)
        {
            // As in Azure, a failed run does not stop the schedule.
            Log.TimerFunctionFailed(_logger, _function.Name, exception.GetType().FullName ?? "unknown",
                exception.StackTrace ?? "");
        }

        _next = _schedule.NextAfter(started, _time.LocalTimeZone);
        _status = new ScheduleStatus
        {
            Last = WallClock(started),
            Next = WallClock(_next),
            LastUpdated = WallClock(started),
        };
        _lastRunEnded = _time.GetUtcNow();
    }

    private async Task DelayUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        // Timers can wake a little early; waiting again keeps a run from starting before its occurrence.
        for (var remaining = due - _time.GetUtcNow(); remaining > TimeSpan.Zero;
             remaining = due - _time.GetUtcNow())
        {
            await Task.Delay(remaining < MaxDelay ? remaining : MaxDelay, _time, stoppingToken);
        }
    }

    private DateTime WallClock(DateTimeOffset instant) =>
        instant == DateTimeOffset.MaxValue
            ? DateTime.MaxValue
            : TimeZoneInfo.ConvertTime(instant, _time.LocalTimeZone).DateTime;

    private static ParameterBinder<TimerInfo>? BinderFor(ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(TimerInfo))
            return (timer, _) => timer;
        if (parameter.ParameterType == typeof(CancellationToken))
            return (_, cancellationToken) => cancellationToken;

        return null;
    }
}
