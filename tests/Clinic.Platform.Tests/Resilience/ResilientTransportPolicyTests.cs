using System.Net.Sockets;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Clinic.Platform.Alerts;
using Clinic.Platform.Resilience;
using Clinic.Platform.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.Registry;

namespace Clinic.Platform.Tests.Resilience;

/// <summary>
/// A storage server that accepts the connection and never answers: each attempt ends at its network timeout,
/// and the caller gets a timeout, which the app answers as "unavailable" (503), never as an unexpected error.
/// </summary>
public sealed class ResilientTransportPolicyTests : IDisposable
{
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _accepted = [];

    public ResilientTransportPolicyTests()
    {
        _silent.Start();
        _ = AcceptForeverAsync();
    }

    [Fact]
    public async Task Send_serverThatNeverAnswers_failsAsATimeoutThatCountsAsUnavailable()
    {
        var pipeline = Build(attemptTimeout: TimeSpan.FromMilliseconds(200));
        var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri($"http://127.0.0.1:{((IPEndPoint)_silent.LocalEndpoint).Port}/"));

        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => pipeline.SendAsync(message, default).AsTask());

        Assert.IsType<TimeoutException>(failure);
        Assert.True(DependencyFailures.IsUnavailable(failure, out _));
    }

    [Fact]
    public async Task Send_cancelledByTheCaller_staysACancellation()
    {
        var pipeline = Build(attemptTimeout: TimeSpan.FromSeconds(30));
        var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri($"http://127.0.0.1:{((IPEndPoint)_silent.LocalEndpoint).Port}/"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => pipeline.SendAsync(message, cancel.Token).AsTask());

        Assert.IsAssignableFrom<OperationCanceledException>(failure);
    }

    public void Dispose()
    {
        _silent.Stop();
        foreach (var client in _accepted)
            client.Dispose();
    }

    private static HttpPipeline Build(TimeSpan attemptTimeout)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Resilience:Storage:RetryDelay"] = "00:00:00.001",
            ["Resilience:Storage:MaxRetryAttempts"] = "1",
        }).Build();
        var resilience = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IAlertSink, RecordingAlerts>()
            .AddDependencyResilience(Dependencies.Storage, configuration)
            .BuildServiceProvider()
            .GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline<int>(Dependencies.Storage);

        var options = new PipelineOptions();
        options.Retry.MaxRetries = 0;
        options.AddPolicy(
            new ResilientTransportPolicy(resilience, attemptTimeout), HttpPipelinePosition.PerCall);
        return HttpPipelineBuilder.Build(options);
    }

    private async Task AcceptForeverAsync()
    {
        try
        {
            while (true)
                _accepted.Add(await _silent.AcceptTcpClientAsync());
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Stopped at the end of the test.
        }
    }

    private sealed class PipelineOptions : ClientOptions;
}
