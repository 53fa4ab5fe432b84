using Microsoft.Extensions.Options;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Runs every timer-triggered function of the registered <see cref="FunctionAssembly"/> items on its
/// schedule. Schedules (with their <c>%Setting%</c> names) and parameters are checked at start-up.
/// </summary>
public sealed class TimerTriggerService(
    IEnumerable<FunctionAssembly> assemblies,
    IConfiguration configuration,
    IOptions<LocalTriggersOptions> triggers,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TimerTriggerService> logger) : BackgroundService
{
    private IReadOnlyList<TimerRunner> _runners = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!triggers.Value.Enabled)
        {
            Log.TriggersDisabled(logger, "Timer");
            return Task.CompletedTask;
        }

        _runners = TriggerFunctionCatalog.DiscoverTimerFunctions(assemblies.Select(a => a.Assembly))
            .Select(function => new TimerRunner(
                function,
                CronTimerSchedule.Parse(
                    AppSettingExpressions.Resolve(function.Trigger.Schedule, configuration, function.Name),
                    function.Name),
                scopes,
                time,
                logger))
            .ToList();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(_runners.Select(runner => runner.RunAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; runs under way have ended.
        }
    }
}
