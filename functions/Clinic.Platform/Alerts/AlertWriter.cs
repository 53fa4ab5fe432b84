using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Alerts;

/// <summary>
/// Moves queued alerts into the alerts table in the background. An alert raised because storage is down
/// cannot be stored until it returns, so each is retried with growing pauses for a while; its log event was
/// already exported, so nothing is lost to the alert rules meanwhile.
/// </summary>
public sealed partial class AlertWriter(AlertQueue queue, AlertTable table, ILogger<AlertWriter> logger)
    : BackgroundService
{
    /// <summary>About eight minutes of tries, pauses doubling to a minute: outlasts a storage outage.</summary>
    private const int Attempts = 14;

    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var alert in queue.Pending.ReadAllAsync(stoppingToken))
            await StoreAsync(alert, stoppingToken);
    }

    private async Task StoreAsync(Alert alert, CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await table.AddAsync(alert, stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (attempt == Attempts)
                {
                    LogAlertNotStored(logger, alert.Id, exception.GetType().Name);
                }
                else
                {
                    var pause = TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
                    await Task.Delay(pause < LongestPause ? pause : LongestPause, stoppingToken);
                }
            }
        }
    }

    [LoggerMessage(1031, LogLevel.Error, "Alert {AlertId} could not be stored ({ExceptionType})",
        EventName = "AlertNotStored")]
    private static partial void LogAlertNotStored(ILogger logger, string alertId, string exceptionType);
}
