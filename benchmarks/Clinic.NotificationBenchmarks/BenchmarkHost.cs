using Clinic.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.NotificationBenchmarks;

/// <summary>
/// The real local host in this process on a free loopback port, with tables of its own (a unique prefix) so
/// each variant starts from freshly seeded data, and its queue triggers sending notifications in the
/// background through whichever senders the variant registers.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _outbox;

    private BenchmarkHost(WebApplication app, Uri baseAddress, string outbox)
    {
        _app = app;
        _outbox = outbox;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public static async Task<BenchmarkHost> StartAsync(
        string connectionString, Action<IServiceCollection>? services)
    {
        var outbox = Path.Combine(Path.GetTempPath(), "clinic-outbox-" + Guid.NewGuid().ToString("N"));
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
            // A log line per request would measure the console, not the booking.
            ["Logging:LogLevel:Default"] = "Warning",

            // The failing variant retries, dead-letters and alerts on every message by design; printed, that
            // would bury the figures (and the console's cost would land on whichever variant is booking).
            ["Logging:LogLevel:Clinic.Notifications"] = "None",
            ["Logging:LogLevel:Clinic.Platform.Alerts"] = "None",
            ["Notifications:Outbox:Path"] = outbox,
            // Retries within the run: a failing provider adds its full retry load while bookings go on.
            ["Notifications:FirstRetryDelay"] = "00:00:00.100",
            ["Notifications:MaxRetryDelay"] = "00:00:00.300",
            // Timers that would fire at random points of a run only add noise.
            ["Notifications:ReminderSchedule"] = "0 0 0 1 1 *",
            ["Notifications:OutboxSweepSchedule"] = "0 0 0 1 1 *",
            // Notifications are picked up while bookings go on, not after the run.
            ["LocalHost:Queues:MaxPollingInterval"] = "00:00:00.200",
        };

        // The host's appsettings.json is copied next to this program; the script runs from the repo root.
        var app = LocalHostApplication.Create(
            [
                "--urls", "http://127.0.0.1:0", "--environment", "Development",
                "--contentRoot", AppContext.BaseDirectory,
            ],
            builder => services?.Invoke(builder.Services),
            configuration);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchmarkHost(app, new Uri(address), outbox);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_outbox))
            Directory.Delete(_outbox, recursive: true);
    }
}
