using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Runs every queue-triggered function of the registered <see cref="FunctionAssembly"/> items, one listener
/// per function. Names, settings and parameters are checked at start-up, so a function the local host cannot
/// run stops the host at once instead of failing on its first message.
/// </summary>
public sealed class QueueTriggerService(
    IEnumerable<FunctionAssembly> assemblies,
    IConfiguration configuration,
    IOptions<QueueTriggerOptions> options,
    IOptions<LocalTriggersOptions> triggers,
    IServiceScopeFactory scopes,
    ILogger<QueueTriggerService> logger) : BackgroundService
{
    private IReadOnlyList<QueueListener> _listeners = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!triggers.Value.Enabled)
        {
            Log.TriggersDisabled(logger, "Queue");
            return Task.CompletedTask;
        }

        _listeners = CreateListeners();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(_listeners.Select(listener => listener.RunAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; every listener has let its running invocations finish.
        }
    }

    private List<QueueListener> CreateListeners()
    {
        var functions = TriggerFunctionCatalog.DiscoverQueueFunctions(assemblies.Select(a => a.Assembly));
        if (functions.Count == 0)
            return [];

        var settings = options.Value;
        var connections = new QueueConnections(
            configuration, new QueueClientOptions { MessageEncoding = settings.MessageEncoding });
        return functions
            .Select(function => new QueueListener(
                function,
                connections.Get(function.Trigger.Connection, function.Name),
                QueueNames.Normalize(
                    AppSettingExpressions.Resolve(function.Trigger.QueueName, configuration, function.Name),
                    function.Name),
                settings,
                scopes,
                logger))
            .ToList();
    }
}
