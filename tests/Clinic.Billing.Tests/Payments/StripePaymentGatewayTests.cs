using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Billing.Tests.Payments;

/// <summary>
/// The Stripe adapter as <c>AddBilling</c> builds it (Stripe.net over the PaymentGateway Polly pipeline),
/// against a local stand-in of Stripe's API.
/// </summary>
public sealed class StripePaymentGatewayTests : IAsyncLifetime
{
    private static readonly Money Fee = Money.Of(85.25m, "EUR");

    private StripeStub _stub = null!;
    private ServiceProvider _provider = null!;

    private IPaymentGateway Gateway => _provider.GetRequiredService<IPaymentGateway>();

    public async Task InitializeAsync()
    {
        _stub = await StripeStub.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Billing:Gateway"] = "Stripe",
                ["Billing:Stripe:SecretKey"] = StripeStub.SecretKey,
                ["Billing:Stripe:ApiBase"] = _stub.BaseAddress.ToString(),
                ["Resilience:PaymentGateway:RetryDelay"] = "00:00:00.010",
                ["Resilience:PaymentGateway:MaxRetryAttempts"] = "2",
                ["Resilience:PaymentGateway:MinimumThroughput"] = "100",
            })
            .Build();
        _provider = new ServiceCollection().AddLogging().AddBilling(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task Charge_approved_sendsMinorUnitsLowercaseCurrencyAndKey()
    {
        var request = new ChargeRequest("inv-1", Fee, "pm_card_visa", "pay-inv-1");

        var result = await Gateway.ChargeAsync(request, CancellationToken.None);

        Assert.Empty(_stub.Problems);
        Assert.Equal(ChargeResult.Approve("pi_3Q0clinic", "4242"), result);
        var (path, key, form) = Assert.Single(_stub.Requests);
        Assert.Equal("/v1/payment_intents", path);
        Assert.Equal("pay-inv-1", key);
        Assert.Equal("8525", form["amount"]);
        Assert.Equal("eur", form["currency"]);
        Assert.Equal("pm_card_visa", form["payment_method"]);
        Assert.Equal("true", form["confirm"]);
    }

    [Fact]
    public async Task Charge_cardError_isDeclinedWithTheDeclineCodeAndNotRetried()
    {
        _stub.Answers.Enqueue(402);

        var result = await Gateway.ChargeAsync(new ChargeRequest("inv-1", Fee, "pm_x", "k-1"), default);

        Assert.Equal(ChargeResult.Decline("insufficient_funds"), result);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Charge_serverErrorsThenSuccess_isRetriedByThePipelineWithTheSameKey()
    {
        _stub.Answers.Enqueue(500);
        _stub.Answers.Enqueue(429);

        var result = await Gateway.ChargeAsync(new ChargeRequest("inv-1", Fee, "pm_x", "k-1"), default);

        Assert.True(result.Approved);
        Assert.Equal(3, _stub.Requests.Count);
        Assert.All(_stub.Requests, r => Assert.Equal("k-1", r.IdempotencyKey));
    }

    [Fact]
    public async Task Charge_serverErrorsOutlastingRetries_throwTransient()
    {
        for (var i = 0; i < 3; i++)
            _stub.Answers.Enqueue(503);

        var charge = Gateway.ChargeAsync(new ChargeRequest("inv-1", Fee, "pm_x", "k-1"), default);

        await Assert.ThrowsAsync<TransientPaymentException>(() => charge);
        Assert.Equal(3, _stub.Requests.Count);
    }

    [Fact]
    public async Task Charge_unreachableStripe_throwsTransient()
    {
        await _stub.DisposeAsync();

        var charge = Gateway.ChargeAsync(new ChargeRequest("inv-1", Fee, "pm_x", "k-1"), default);

        await Assert.ThrowsAsync<TransientPaymentException>(() => charge);
        _stub = await StripeStub.StartAsync();
    }

    [Fact]
    public async Task Charge_cardNumber_neverReachesStripe()
    {
        var charge = Gateway.ChargeAsync(new ChargeRequest("inv-1", Fee, "4242424242424242", "k-1"), default);

        await Assert.ThrowsAsync<ArgumentException>(() => charge);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Refund_approved_sendsPaymentIntentAmountAndKey()
    {
        var result = await Gateway.RefundAsync(new RefundRequest("pi_3Q0clinic", Fee, "refund-1"), default);

        Assert.Empty(_stub.Problems);
        Assert.Equal(ChargeResult.Approve("re_3Q0clinic", null), result);
        var (path, key, form) = Assert.Single(_stub.Requests);
        Assert.Equal("/v1/refunds", path);
        Assert.Equal("refund-1", key);
        Assert.Equal("pi_3Q0clinic", form["payment_intent"]);
        Assert.Equal("8525", form["amount"]);
    }
}
