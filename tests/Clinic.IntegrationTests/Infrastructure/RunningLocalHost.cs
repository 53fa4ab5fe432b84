using System.Text;
using Clinic.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Clinic.IntegrationTests.Infrastructure;

/// <summary>
/// The real local host on a free loopback port, on the shared Azurite, with tables and notification queues of
/// its own (unique prefixes), reached over real HTTP.
/// </summary>
public sealed class RunningLocalHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningLocalHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every log record the host wrote, from every category, as structured records.</summary>
    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<RunningLocalHost> StartAsync(
        AzuriteProcess azurite,
        IDictionary<string, string?>? settings = null,
        string environment = "Development",
        Action<IServiceCollection>? services = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],

            // Another host's leftovers would be taken here and dropped, finding no such appointment.
            ["Notifications:QueuePrefix"] = "q" + Guid.NewGuid().ToString("N")[..10],
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var app = LocalHostApplication.Create(
            ["--urls", "http://127.0.0.1:0", "--environment", environment],
            builder =>
            {
                builder.Logging.AddFakeLogging();
                services?.Invoke(builder.Services);
            },
            configuration);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningLocalHost(app, new Uri(address));
    }

    /// <summary>An <c>x-ms-client-principal</c> value as Static Web Apps would send it.</summary>
    public static string Principal(string userId, params string[] roles)
    {
        var allRoles = new[] { "anonymous", "authenticated" }.Concat(roles);
        var json =
            $$"""{"identityProvider":"aad","userId":"{{userId}}","userDetails":"{{userId}}""" +
            $$"""@example.test","userRoles":[{{string.Join(',', allRoles.Select(r => $"\"{r}\""))}}]}""";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
