using Clinic.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.BenchmarkSupport;

/// <summary>
/// The real local host in this process on a free loopback port, with tables and notification queues of its
/// own (unique prefixes), so each variant of a benchmark starts from freshly seeded data on the same Azurite
/// and handles only its own messages. Logs at Warning and the background timers parked, so that neither the
/// console nor a timer firing mid-run is what gets measured.
/// </summary>
public sealed class InProcessLocalHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessLocalHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="connectionString">Azurite's storage connection string.</param>
    /// <param name="settings">The variant's own settings, over the defaults above.</param>
    /// <param name="services">Replacements of the variant's services (a delayed sender, say).</param>
    public static async Task<InProcessLocalHost> StartAsync(
        string connectionString,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = "b" + Guid.NewGuid().ToString("N")[..10],

            // On shared queues a host would take another's messages and drop them, finding no appointment.
            ["Notifications:QueuePrefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
            ["Logging:LogLevel:Default"] = "Warning",
            ["Notifications:ReminderSchedule"] = "0 0 0 1 1 *",
            ["Notifications:OutboxSweepSchedule"] = "0 0 0 1 1 *",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        // The host's appsettings.json is copied next to the benchmark; its script runs from the repo root.
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
        return new InProcessLocalHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
