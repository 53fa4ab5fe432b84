using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Clinic.LocalHost.Tests.Samples;
using Clinic.LocalHost.Triggers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using AzuriteProcess = Clinic.IntegrationTests.Infrastructure.AzuriteProcess;

namespace Clinic.LocalHost.Tests.Infrastructure;

/// <summary>
/// A host that runs this assembly's sample functions with the local host's trigger services, on the shared
/// Azurite, with queues of its own and fast polling. It is not the whole local host: the HTTP side and the
/// app's modules would add nothing here but start-up time.
/// </summary>
public sealed class TriggerHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AzuriteProcess _azurite;

    private TriggerHost(IHost host, AzuriteProcess azurite, IReadOnlyDictionary<string, string?> settings)
    {
        _host = host;
        _azurite = azurite;
        Settings = settings;
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public InvocationRecorder Recorder => _host.Services.GetRequiredService<InvocationRecorder>();

    /// <summary>Every log record the host wrote, as structured records.</summary>
    public FakeLogCollector Logs => _host.Services.GetFakeLogCollector();

    /// <summary>
    /// Settings every test starts from: the samples' own, and polling fast enough for tests.
    /// </summary>
    public static Dictionary<string, string?> DefaultSettings(AzuriteProcess azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);

        var settings = SampleSettings.Create();
        settings["Storage:ConnectionString"] = azurite.ConnectionString;
        settings["LocalHost:Queues:MaxPollingInterval"] = "00:00:00.200";
        settings["LocalHost:Queues:VisibilityTimeout"] = "00:00:00";
        return settings;
    }

    /// <summary>
    /// Builds the host without starting it. <paramref name="settings"/> are applied over <see
    /// cref="DefaultSettings"/>; a null value removes a setting.
    /// </summary>
    public static TriggerHost Create(AzuriteProcess azurite, IDictionary<string, string?>? settings = null)
    {
        var configuration = DefaultSettings(azurite);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
                configuration.Remove(key);
            else
                configuration[key] = value;
        }

        // No default sources: a developer's environment variables must not point the host elsewhere.
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFakeLogging();
        builder.Services.AddSingleton<InvocationRecorder>();
        builder.Services.AddScoped<ScopeProbe>();
        builder.Services.AddLocalTriggers(typeof(TriggerHost).Assembly);
        return new TriggerHost(builder.Build(), azurite, configuration);
    }

    public static async Task<TriggerHost> StartAsync(
        AzuriteProcess azurite, IDictionary<string, string?>? settings = null)
    {
        var host = Create(azurite, settings);
        await host.StartAsync();
        return host;
    }

    public Task StartAsync() => _host.StartAsync();

    /// <summary>
    /// A client of the queue that <paramref name="setting"/> names, writing as this host's producers must:
    /// with the host's message encoding unless told otherwise.
    /// </summary>
    public QueueClient Queue(string setting, QueueMessageEncoding? encoding = null) =>
        Client(QueueNameOf(setting), encoding);

    /// <summary>
    /// Sends a message as a producer does: creating the queue first if need be, since the host's listener may
    /// not have created it yet.
    /// </summary>
    public async Task<SendReceipt> SendAsync(
        string setting, BinaryData body, QueueMessageEncoding? encoding = null)
    {
        var queue = Queue(setting, encoding);
        await queue.CreateIfNotExistsAsync();
        return (await queue.SendMessageAsync(body)).Value;
    }

    /// <summary>The <c>-poison</c> twin of the queue that <paramref name="setting"/> names.</summary>
    public QueueClient PoisonQueue(string setting) => Client(QueueNames.Poison(QueueNameOf(setting)), null);

    /// <summary>The queue name as the host uses it: the setting's value, lower-cased.</summary>
    public string QueueNameOf(string setting) => QueueNames.Normalize(Settings[setting]!, setting);

    /// <summary>Log records of one event, by its id.</summary>
    public IReadOnlyList<FakeLogRecord> Events(int eventId) =>
        Logs.GetSnapshot().Where(record => record.Id.Id == eventId).ToList();

    private QueueClient Client(string queueName, QueueMessageEncoding? encoding)
    {
        var hostEncoding = _host.Services
            .GetRequiredService<IOptions<QueueTriggerOptions>>().Value.MessageEncoding;
        return new QueueClient(
            _azurite.ConnectionString,
            queueName,
            new QueueClientOptions { MessageEncoding = encoding ?? hostEncoding });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
