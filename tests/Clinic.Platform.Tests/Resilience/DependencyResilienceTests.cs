using Azure;
using Clinic.Platform.Alerts;
using Clinic.Platform.Resilience;
using Clinic.Platform.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace Clinic.Platform.Tests.Resilience;

public sealed class DependencyResilienceTests
{
    [Fact]
    public async Task Pipeline_repeatedTransientFailures_openTheCircuitAndRaiseAnAlert()
    {
        var (pipeline, alerts) = Build();
        var calls = 0;

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => pipeline.ExecuteAsync<int>(_ =>
            {
                calls++;
                throw new RequestFailedException("connection refused");
            }).AsTask());
        }

        var refused = await Assert.ThrowsAsync<BrokenCircuitException>(
            () => pipeline.ExecuteAsync(_ => ValueTask.FromResult(200)).AsTask());
        Assert.True(calls >= 5);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.Single(alerts.Raised, alert => alert == "CircuitOpened");
    }

    [Fact]
    public async Task Pipeline_refusalOfTheRequest_isNotRetried()
    {
        var (pipeline, _) = Build();
        var calls = 0;

        var outcome = await pipeline.ExecuteAsync(_ =>
        {
            calls++;
            return ValueTask.FromResult(409);
        });

        Assert.Equal(409, outcome);
        Assert.Equal(1, calls);
    }

    private static (ResiliencePipeline<int> Pipeline, RecordingAlerts Alerts) Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Resilience:Storage:RetryDelay"] = "00:00:00.001",
        }).Build();
        var alerts = new RecordingAlerts();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IAlertSink>(alerts)
            .AddDependencyResilience(Dependencies.Storage, configuration)
            .BuildServiceProvider();
        var pipeline = services.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline<int>(Dependencies.Storage);
        return (pipeline, alerts);
    }
}
