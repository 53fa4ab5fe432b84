using Clinic.Platform.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Polly.Telemetry;
using Polly.Retry;
using Polly.Timeout;

namespace Clinic.Platform.Resilience;

public static class ResilienceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the resilience pipeline of one dependency: a total timeout, around a retry with exponential
    /// backoff and jitter on transient failures only, around a circuit breaker. Opening and closing the
    /// circuit are logged as events (opening is critical).
    /// </summary>
    public static IServiceCollection AddDependencyResilience(
        this IServiceCollection services, string dependency, IConfiguration configuration) =>
        services.AddDependencyResilience(
            dependency, new DependencyResilienceOptions().BindSection(configuration, dependency));

    /// <summary>
    /// As the overload above, with <paramref name="settings"/> the caller bound (on its own defaults; with
    /// no retries, the pipeline is a timeout around the breaker) and <paramref name="isTransient"/>: failures
    /// of the caller's own adapter that count as transient, beside the platform's.
    /// </summary>
    public static IServiceCollection AddDependencyResilience(
        this IServiceCollection services,
        string dependency,
        DependencyResilienceOptions settings,
        Func<Exception, bool>? isTransient = null)
    {
        ArgumentNullException.ThrowIfNull(settings);

        services.AddResiliencePipeline<string, int>(dependency, (pipeline, context) =>
        {
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(ResilienceServiceCollectionExtensions).Namespace!);

            // Alerts are optional here so that a pipeline can be built where no alert sink exists (tools, tests).
            var alerts = context.ServiceProvider.GetService<IAlertSink>();
            var transient = new PredicateBuilder<int>()
                .Handle<Exception>(exception =>
                    TransientResponses.IsTransient(exception) || isTransient?.Invoke(exception) == true)
                .Handle<TimeoutRejectedException>()
                .HandleResult(TransientResponses.IsTransientStatus);

            // Metrics, not a log line per attempt: Polly's attempt logs quote exception messages, which can
            // carry request URIs and keys. The circuit's transitions are logged as our own events below.
            pipeline.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = NullLoggerFactory.Instance });
            pipeline.AddTimeout(settings.TotalTimeout);
            if (settings.MaxRetryAttempts > 0)
            {
                pipeline.AddRetry(new RetryStrategyOptions<int>
                {
                    ShouldHandle = transient,
                    MaxRetryAttempts = settings.MaxRetryAttempts,
                    Delay = settings.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
            }

            pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<int>
            {
                ShouldHandle = transient,
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                OnOpened = _ =>
                {
                    ResilienceLog.CircuitOpened(logger, dependency, settings.BreakDuration);
                    alerts?.Raise(
                        AlertSeverity.Critical, "CircuitOpened", $"{dependency} is failing", null);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    ResilienceLog.CircuitClosed(logger, dependency);
                    return ValueTask.CompletedTask;
                },
            });
        });
        return services;
    }
}
