using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Security.Tests.Fakes;

/// <summary>
/// Writes billing events the way the app will: registration from configuration (the local key of the
/// Development environment), <see cref="EncryptedEventLog"/>, and whatever log sink the test adds.
/// </summary>
internal static class BillingLogWriter
{
    public static readonly EventId InvoicePaidEvent = new(4001, "InvoicePaid");
    public static readonly EventId PaymentDeclinedEvent = new(4002, "PaymentDeclined");

    public static IReadOnlyList<InvoicePaid> Write(
        string contentRoot,
        string keyPath,
        int events,
        Action<ILoggingBuilder> addSink,
        int maxEventsPerKey = 1000)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BillingLogs:LocalKeyPath"] = keyPath,
                ["BillingLogs:MaxEventsPerDataKey"] = maxEventsPerKey.ToString(
                    System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment
            {
                EnvironmentName = Environments.Development,
                ContentRootPath = contentRoot,
            })
            .AddLogging(addSink)
            .AddBillingLogEncryption(configuration);

        var payloads = Enumerable.Range(1, events).Select(i => InvoicePaid.Sample(i)).ToList();
        using (var provider = services.BuildServiceProvider())
        {
            var log = provider.GetRequiredService<EncryptedEventLog>();
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Clinic.Billing");
            foreach (var (payload, index) in payloads.Select((p, i) => (p, i)))
            {
                var eventId = index % 2 == 0 ? InvoicePaidEvent : PaymentDeclinedEvent;
                log.Write(logger, LogLevel.Information, eventId, payload, $"corr-{index}");
            }
        }

        return payloads;
    }
}
