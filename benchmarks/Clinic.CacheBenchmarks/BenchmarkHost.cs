using Clinic.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.CacheBenchmarks;

/// <summary>
/// The real local host in this process on a free loopback port, with tables of its own (a unique prefix) and
/// the given cache settings.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchmarkHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchmarkHost> StartAsync(string connectionString, bool cached)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = "c" + Guid.NewGuid().ToString("N")[..10],
            ["Cache:Enabled"] = cached ? "true" : "false",
            // A log line per request would measure the console, not the lookup.
            ["Logging:LogLevel:Default"] = "Warning",
            // Timers that would fire at random points of a run only add noise.
            ["Notifications:ReminderSchedule"] = "0 0 0 1 1 *",
            ["Notifications:OutboxSweepSchedule"] = "0 0 0 1 1 *",
        };

        // The host's appsettings.json is copied next to this program; the script runs from the repo root.
        var app = LocalHostApplication.Create(
            [
                "--urls", "http://127.0.0.1:0", "--environment", "Development",
                "--contentRoot", AppContext.BaseDirectory,
            ],
            settings: configuration);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchmarkHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
