using Clinic.Billing.Application;
using Clinic.Billing.DemoData;
using Clinic.Billing.Logging;
using Clinic.Platform.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Billing.Tests.Fakes;

/// <summary>
/// The billing services as the app wires them, on in-memory stores, a fake clock and fake logging; billing
/// logs are really encrypted, with a development key in a temporary folder. Payments run in the workflows,
/// whose tests have their own host.
/// </summary>
internal sealed class BillingHarness : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string _folder;

    public BillingHarness()
    {
        _folder = Path.Combine(Path.GetTempPath(), "clinic-billing-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BillingLogs:LocalKeyPath"] = "billing-log-key.pem",
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment
            {
                EnvironmentName = Environments.Development,
                ContentRootPath = _folder,
            })
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace))
            .AddBillingLogEncryption(configuration)
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IInvoiceStore>(Invoices)
            .AddSingleton<IFeeStore>(Fees)
            .AddSingleton<BillingEventLog>()
            .AddSingleton<InvoiceService>()
            .AddSingleton<DemoFeeSeeder>();
        _provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 3, 15, 9, 0, 0, TimeSpan.Zero));

    public InMemoryInvoiceStore Invoices { get; } = new();

    public InMemoryFeeStore Fees { get; } = new();

    public InvoiceService Service => _provider.GetRequiredService<InvoiceService>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public static async Task<BillingHarness> SeededAsync()
    {
        var harness = new BillingHarness();
        await harness._provider.GetRequiredService<DemoFeeSeeder>().SeedAsync(CancellationToken.None);
        return harness;
    }

    public void Dispose()
    {
        _provider.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
