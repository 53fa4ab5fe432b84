using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace Clinic.Billing.Tests.Payments;

/// <summary>
/// The gateway that <c>AddBilling</c> gives billing: whichever provider is configured, behind one circuit
/// breaker and a timeout of each call, with no retry of its own (the workflows' durable retry is the one).
/// </summary>
public sealed class ResilientPaymentGatewayTests
{
    private static readonly Money Fee = Money.Of(85.25m, "EUR");

    [Fact]
    public async Task SimulatedGateway_failingRepeatedly_opensTheCircuitAndLaterCallsAreNotSent()
    {
        await using var provider = Build(new() { ["Resilience:PaymentGateway:MinimumThroughput"] = "3" });
        var gateway = provider.GetRequiredService<IPaymentGateway>();
        var simulated = provider.GetRequiredService<SimulatedPaymentGateway>();
        for (var call = 0; call < 3; call++)
        {
            await Assert.ThrowsAsync<TransientPaymentException>(
                () => gateway.ChargeAsync(Charge(SimulatedPaymentGateway.TimeoutToken, $"k-{call}"), default));
        }

        var charge = await Assert.ThrowsAsync<TransientPaymentException>(
            () => gateway.ChargeAsync(Charge(SimulatedPaymentGateway.ApproveToken, "k-approve"), default));
        var refund = await Assert.ThrowsAsync<TransientPaymentException>(
            () => gateway.RefundAsync(new RefundRequest("sim_ch_1", Fee, "r-1"), default));

        Assert.IsType<BrokenCircuitException>(charge.InnerException);
        Assert.IsType<BrokenCircuitException>(refund.InnerException);
        Assert.Equal((0, 0), (simulated.Captures, simulated.Refunds));
    }

    [Fact]
    public async Task Charge_stillProcessingAgainAndAgain_keepsTheCircuitClosedAndIsThrownAsItIs()
    {
        var processing = new ProcessingPaymentGateway();
        await using var provider = Build(
            new() { ["Resilience:PaymentGateway:MinimumThroughput"] = "3" },
            services => services.AddKeyedSingleton<IPaymentGateway>(
                BillingServiceCollectionExtensions.PaymentProviderKey, processing));
        var gateway = provider.GetRequiredService<IPaymentGateway>();

        for (var call = 0; call < 6; call++)
        {
            var charge = Charge(SimulatedPaymentGateway.ApproveToken, $"k-{call}");
            await Assert.ThrowsAsync<PaymentStillProcessingException>(() => gateway.ChargeAsync(charge, default));
        }

        Assert.Equal(6, processing.Calls);
    }

    [Fact]
    public async Task Charge_transientFailure_reachesTheProviderOnceAndIsThrown()
    {
        await using var provider = Build([]);
        var gateway = provider.GetRequiredService<IPaymentGateway>();
        var request = Charge(SimulatedPaymentGateway.TransientTokenPrefix + "1", "k-1");

        var first = gateway.ChargeAsync(request, default);

        await Assert.ThrowsAsync<TransientPaymentException>(() => first);
        Assert.True((await gateway.ChargeAsync(request, default)).Approved);
        Assert.Equal(1, provider.GetRequiredService<SimulatedPaymentGateway>().Captures);
    }

    [Fact]
    public async Task Charge_providerNeverAnswers_timesOutAsTransient()
    {
        await using var provider = Build(
            new() { ["Resilience:PaymentGateway:AttemptTimeout"] = "00:00:00.200" },
            services => services.AddKeyedSingleton<IPaymentGateway>(
                BillingServiceCollectionExtensions.PaymentProviderKey, new SilentPaymentGateway()));
        var gateway = provider.GetRequiredService<IPaymentGateway>();

        // Bounded, so that a gateway without the timeout fails this test instead of hanging it.
        var charge = gateway.ChargeAsync(Charge(SimulatedPaymentGateway.ApproveToken, "k-1"), default)
            .WaitAsync(TimeSpan.FromSeconds(10));

        var failure = await Assert.ThrowsAsync<TransientPaymentException>(() => charge);
        Assert.IsType<TimeoutException>(failure.InnerException);
    }

    private static ChargeRequest Charge(string token, string key) => new("inv-1", Fee, token, key);

    private static ServiceProvider Build(
        Dictionary<string, string?> settings, Action<IServiceCollection>? replace = null)
    {
        settings["Billing:Gateway"] = "Simulated";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddBilling(configuration);
        replace?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
