using System.Net;
using System.Net.Sockets;
using Clinic.Billing.Application;
using Clinic.Billing.DemoData;
using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows.Contracts;
using Clinic.Platform.Alerts;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Clinic.Billing.Workflows.Tests.Fakes;

/// <summary>
/// Billing's real orchestrations and activities on the in-process Durable host, with billing registered as
/// the app registers it (<c>AddBilling</c>): the simulated provider, counted, behind the real breaker. Stores
/// are in memory, alerts recorded, logging fake; billing logs are really encrypted, with a development key in
/// a temporary folder. The breaker stays closed unless a test's settings let it open.
/// </summary>
internal sealed class WorkflowHost : IAsyncDisposable
{
    public const string PatientId = "pat-ada";
    public const string DoctorId = "dr-amelia-hart";

    /// <summary>Milliseconds instead of seconds, so that exhausting every retry takes well under a second.</summary>
    public static readonly GatewayRetryOptions FastRetry = new()
    {
        MaxAttempts = 5,
        FirstRetryInterval = TimeSpan.FromMilliseconds(10),
        BackoffCoefficient = 2,
        MaxRetryInterval = TimeSpan.FromMilliseconds(80),
        CircuitOpenWait = TimeSpan.FromMilliseconds(20),
        MaxCircuitWaits = 3,
        OutcomePollInterval = TimeSpan.FromMilliseconds(20),
        MaxOutcomePolls = 2,
    };

    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(30);

    private readonly string _folder;
    private readonly Dictionary<string, string?> _settings;
    private DurableTaskTestHost? _host;

    private WorkflowHost(string folder, IDictionary<string, string?>? settings)
    {
        _folder = folder;
        _settings = new Dictionary<string, string?>
        {
            ["Billing:Gateway"] = "Simulated",
            ["BillingLogs:LocalKeyPath"] = "billing-log-key.pem",
            ["Resilience:PaymentGateway:MinimumThroughput"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public InMemoryInvoiceStore Invoices { get; } = new();

    public InMemoryFeeStore Fees { get; } = new();

    public CountingPaymentGateway Gateway { get; } = new(new SimulatedPaymentGateway());

    public RecordingAlertSink Alerts { get; } = new();

    public RecordingPaymentFailureNotifier Patients { get; } = new();

    public DurableTaskClient Client => Host.Client;

    public FakeLogCollector Logs => Host.Services.GetFakeLogCollector();

    private DurableTaskTestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>A host; <paramref name="settings"/> override billing's, e.g. the breaker's.</summary>
    public static async Task<WorkflowHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-workflow-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var host = new WorkflowHost(folder, settings);
        host._host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddBillingWorkflows(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = host.ConfigureServices,
                Port = FreeLoopbackPort(),
            });
        foreach (var fee in DemoFees.All)
            await host.Fees.AddIfMissingAsync(fee, CancellationToken.None);
        return host;
    }

    public async Task<Invoice> IssueInvoiceAsync(string appointmentId, string doctorId = DoctorId)
    {
        var issued = await Host.Services.GetRequiredService<InvoiceService>()
            .IssueForAppointmentAsync(appointmentId, PatientId, doctorId, CancellationToken.None);
        return issued.Value ?? throw new InvalidOperationException(issued.Failure!.Code);
    }

    public async Task<Invoice> ReadInvoiceAsync(string invoiceId)
    {
        var stored = await Invoices.FindAsync(PatientId, invoiceId, CancellationToken.None);
        return stored?.Invoice ?? throw new InvalidOperationException("No such invoice.");
    }

    public static PaymentWorkflowInput Payment(Invoice invoice, string token, string key) =>
        new(PatientId, invoice.Id, token, key, FastRetry);

    public async Task<(string InstanceId, WorkflowOutcome Outcome)> PayAsync(PaymentWorkflowInput input)
    {
        var instanceId = await Client.StartOrJoinPaymentAsync(input, CancellationToken.None);
        return (instanceId, await WaitForOutcomeAsync(instanceId));
    }

    public async Task<WorkflowOutcome> RefundAsync(Invoice invoice, string key)
    {
        var input = new RefundWorkflowInput(PatientId, invoice.Id, key, FastRetry);
        var instanceId = await Client.StartOrJoinRefundAsync(input, CancellationToken.None);
        return await WaitForOutcomeAsync(instanceId);
    }

    /// <summary>
    /// Settles the cancelled appointment as the app starts it, with its patient and doctor; a null
    /// <paramref name="doctorId"/> starts it as settlements started before those were passed.
    /// </summary>
    public async Task<WorkflowOutcome> SettleAsync(
        string appointmentId,
        TimeSpan? pendingPaymentWait = null,
        int maxRounds = 120,
        string? doctorId = DoctorId)
    {
        var input = new SettlementInput(appointmentId, FastRetry, pendingPaymentWait, maxRounds,
            PatientId: doctorId is null ? null : PatientId, DoctorId: doctorId);
        var instanceId = await Client.StartOrJoinSettlementAsync(input, CancellationToken.None);
        return await WaitForOutcomeAsync(instanceId);
    }

    public InvoiceService InvoiceService => Host.Services.GetRequiredService<InvoiceService>();

    public async Task<WorkflowOutcome> WaitForOutcomeAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(CompletionTimeout);
        var metadata = await Client.WaitForInstanceCompletionAsync(
            instanceId, getInputsAndOutputs: true, timeout.Token);
        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException(
                $"{instanceId} ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
        }

        return metadata.ReadOutputAs<WorkflowOutcome>()
            ?? throw new InvalidOperationException($"{instanceId} returned nothing.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// The test host's own default is a random port in 30000-40000, which two hosts of the test classes
    /// running side by side can both draw; a port the system just gave out is free.
    /// </summary>
    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private void ConfigureServices(IServiceCollection services)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        services
            .AddSingleton<IHostEnvironment>(new HostingEnvironment
            {
                EnvironmentName = Environments.Development,
                ContentRootPath = _folder,
            })
            .AddLogging(logging => logging
                .AddFakeLogging()
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("Grpc", LogLevel.Warning)
                .AddFilter("Microsoft", LogLevel.Warning))
            .AddBilling(configuration)
            .AddSingleton<IInvoiceStore>(Invoices)
            .AddSingleton<IFeeStore>(Fees)
            .AddKeyedSingleton<IPaymentGateway>(BillingServiceCollectionExtensions.PaymentProviderKey, Gateway)
            .AddSingleton<IAlertSink>(Alerts)
            .AddSingleton<IPaymentFailureNotifier>(Patients);
    }
}
