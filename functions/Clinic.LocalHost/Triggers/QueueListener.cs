using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Runs one queue function the way the Functions host does: polls its queue (waiting longer while it stays
/// empty), runs each received batch side by side, deletes a message once the function succeeds, makes a
/// failed one visible again after the visibility timeout, and moves it to the <c>-poison</c> queue once it
/// has been tried the maximum number of times.
/// </summary>
public sealed class QueueListener
{
    // The host receives with a ten-minute lease that it renews while the function runs. The functionTimeout
    // of host.json stops every run well within it, so the local host does not renew it.
    private static readonly TimeSpan ProcessingLease = TimeSpan.FromMinutes(10);

    // Settling a message must finish while the host stops, or a processed message would be processed again.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    private readonly QueueFunction _function;
    private readonly QueueClient _queue;
    private readonly QueueClient _poisonQueue;
    private readonly FunctionInvoker<QueueMessage> _invoker;
    private readonly QueueTriggerOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private bool _poisonQueueExists;

    public QueueListener(
        QueueFunction function,
        QueueServiceClient service,
        string queueName,
        QueueTriggerOptions options,
        IServiceScopeFactory scopes,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(service);

        _function = function;
        _queue = service.GetQueueClient(queueName);
        _poisonQueue = service.GetQueueClient(QueueNames.Poison(queueName));
        _invoker = new FunctionInvoker<QueueMessage>(
            function.Name, function.Method, parameter => QueueMessageBinders.For(parameter, function));
        _options = options;
        _scopes = scopes;
        _logger = logger;
    }

    public string QueueName => _queue.Name;

    /// <summary>
    /// Listens until <paramref name="stoppingToken"/> is cancelled, which ends it with that cancellation.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var backoff = new PollingBackoff(_options.MaxPollingInterval);
        await CreateQueueAsync(backoff, stoppingToken);
        Log.QueueListenerStarted(_logger, _function.Name, QueueName);

        while (true)
        {
            var messages = await ReceiveAsync(backoff, stoppingToken);
            if (messages.Length == 0)
            {
                await Task.Delay(backoff.Next(), stoppingToken);
                continue;
            }

            backoff.Reset();
            await Task.WhenAll(messages.Select(
                message => Task.Run(() => ProcessAsync(message, stoppingToken), CancellationToken.None)));
        }
    }

    /// <summary>
    /// Creates the queue, as the host does; storage may still be starting, so it keeps trying.
    /// </summary>
    private async Task CreateQueueAsync(PollingBackoff backoff, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                await WaitAfterFailureAsync(backoff, exception, stoppingToken);
            }
        }
    }

    private async Task<QueueMessage[]> ReceiveAsync(PollingBackoff backoff, CancellationToken stoppingToken)
    {
        try
        {
            var received = await _queue.ReceiveMessagesAsync(
                _options.BatchSize, ProcessingLease, stoppingToken);
            return received.Value;
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            await WaitAfterFailureAsync(backoff, exception, stoppingToken);
            return [];
        }
    }

    private async Task WaitAfterFailureAsync(
        PollingBackoff backoff, Exception exception, CancellationToken stoppingToken)
    {
        var wait = backoff.Next();
        Log.QueueUnreachable(_logger, QueueName, _function.Name, TypeOf(exception), wait);
        await Task.Delay(wait, stoppingToken);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        // Received more often than allowed (the host stopped during earlier attempts): no further attempt.
        if (message.DequeueCount > _options.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message);
            return;
        }

        try
        {
            await _invoker.InvokeAsync(_scopes, message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is not the message's fault: it may be tried at once by the next run of the host.
            await ReleaseAsync(message, TimeSpan.Zero);
            Log.QueueMessageReleasedAtShutdown(_logger, message.MessageId, _function.Name);
            return;
        }
        catch (Exception exception)
        {
            Log.QueueFunctionFailed(_logger, _function.Name, message.MessageId, message.DequeueCount,
                TypeOf(exception), exception.StackTrace ?? "");
            await (message.DequeueCount >= _options.MaxDequeueCount
                ? MoveToPoisonAsync(message)
                : ReleaseAsync(message, _options.VisibilityTimeout));
            return;
        }

        await SettleAsync(message, "deleted",
            token => _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token));
    }

    private Task ReleaseAsync(QueueMessage message, TimeSpan visibilityTimeout) =>
        SettleAsync(message, "released", token => _queue.UpdateMessageAsync(
            message.MessageId, message.PopReceipt, visibilityTimeout: visibilityTimeout,
            cancellationToken: token));

    /// <summary>
    /// Copies the message, body unchanged, to the poison queue, then deletes it, as the host does.
    /// </summary>
    private async Task MoveToPoisonAsync(QueueMessage message)
    {
        var moved = await SettleAsync(message, "moved to the poison queue", async token =>
        {
            if (!_poisonQueueExists)
            {
                await _poisonQueue.CreateIfNotExistsAsync(cancellationToken: token);
                _poisonQueueExists = true;
            }

            await _poisonQueue.SendMessageAsync(message.Body, cancellationToken: token);
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
        });
        if (moved)
        {
            Log.QueueMessagePoisoned(_logger, message.MessageId, QueueName, _poisonQueue.Name,
                message.DequeueCount, _function.Name);
        }
    }

    private async Task<bool> SettleAsync(
        QueueMessage message, string settlement, Func<CancellationToken, Task> settle)
    {
        using var timeout = new CancellationTokenSource(SettleTimeout);
        try
        {
            await settle(timeout.Token);
            return true;
        }
        catch (Exception exception)
        {
            Log.QueueMessageNotSettled(
                _logger, message.MessageId, _function.Name, settlement, TypeOf(exception));
            return false;
        }
    }

    private static string TypeOf(Exception exception) => exception.GetType().FullName ?? "unknown";
}
