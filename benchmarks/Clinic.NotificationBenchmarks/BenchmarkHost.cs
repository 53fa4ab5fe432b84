using Clinic.BenchmarkSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.NotificationBenchmarks;

/// <summary>
/// One variant's local host: its queue triggers send notifications in the background through whichever
/// senders the variant registers, into an outbox folder of its own.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly InProcessLocalHost _host;
    private readonly string _outbox;

    private BenchmarkHost(InProcessLocalHost host, string outbox)
    {
        _host = host;
        _outbox = outbox;
    }

    public HttpClient Client => _host.Client;

    public static async Task<BenchmarkHost> StartAsync(
        string connectionString, Action<IServiceCollection>? services)
    {
        var outbox = Path.Combine(Path.GetTempPath(), "clinic-outbox-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            // The failing variant retries, dead-letters and alerts on every message by design; printed, that
            // would bury the figures (and the console's cost would land on whichever variant is booking).
            ["Logging:LogLevel:Clinic.Notifications"] = "None",
            ["Logging:LogLevel:Clinic.Platform.Alerts"] = "None",
            ["Notifications:Outbox:Path"] = outbox,

            // Retries within the run: a failing provider adds its full retry load while bookings go on.
            ["Notifications:FirstRetryDelay"] = "00:00:00.100",
            ["Notifications:MaxRetryDelay"] = "00:00:00.300",

            // Notifications are picked up while bookings go on, not after the run.
            ["LocalHost:Queues:MaxPollingInterval"] = "00:00:00.200",
        };

        return new BenchmarkHost(await InProcessLocalHost.StartAsync(connectionString, settings, services), outbox);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_outbox))
            Directory.Delete(_outbox, recursive: true);
    }
}
