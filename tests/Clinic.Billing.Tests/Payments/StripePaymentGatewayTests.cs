using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Stripe;

namespace Clinic.Billing.Tests.Payments;

/// <summary>
/// The Stripe adapter as <c>AddBilling</c> builds it (Stripe.net, one request per call, behind the
/// PaymentGateway breaker), against a local stand-in of Stripe's API.
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
        _provider = Build(minimumThroughput: 100);
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
    public async Task Charge_serverError_sentOnceAndThrownTransientForTheDurableRetry()
    {
        _stub.Answers.Enqueue(500);
        var request = new ChargeRequest("inv-1", Fee, "pm_x", "k-1");

        var first = Gateway.ChargeAsync(request, default);

        await Assert.ThrowsAsync<TransientPaymentException>(() => first);
        Assert.Single(_stub.Requests);
        Assert.True((await Gateway.ChargeAsync(request, default)).Approved);
        Assert.All(_stub.Requests, r => Assert.Equal("k-1", r.IdempotencyKey));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("30")]
    public async Task Charge_throttled_sentOnceAndThrownTransientWithoutWaitingRetryAfter(string? retryAfter)
    {
        _stub.Answers.Enqueue(429);
        _stub.RetryAfter = retryAfter;

        var charge = Gateway.ChargeAsync(new ChargeRequest("inv-1", Fee, "pm_x", "k-1"), default);

        var thrown = await Assert.ThrowsAsync<TransientPaymentException>(() => charge);
        // Stripe's own answer, not the gateway's timeout (5 s) cutting short a wait for Retry-After.
        var stripe = Assert.IsType<StripeException>(thrown.InnerException);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, stripe.HttpStatusCode);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Charge_stillProcessing_readsTheIntentAndThrowsStillProcessingUntilItSucceeds()
    {
        _stub.IntentStatuses.Enqueue("processing");
        _stub.IntentStatuses.Enqueue("processing");
        var request = new ChargeRequest("inv-1", Fee, "pm_x", "k-1");

        var first = Gateway.ChargeAsync(request, default);

        await Assert.ThrowsAsync<PaymentStillProcessingException>(() => first);
        // The retry's create is answered from Stripe's idempotency cache (processing), so only its read can
        // tell that the charge has completed meanwhile.
        var retried = await Gateway.ChargeAsync(request, default);

        Assert.Equal(ChargeResult.Approve(StripeStub.IntentId, "4242"), retried);
        Assert.Empty(_stub.Problems);
        var create = ("/v1/payment_intents", "k-1");
        var read = ("/v1/payment_intents/" + StripeStub.IntentId, "");
        Assert.Equal([create, read, create, read], _stub.Requests.Select(r => (r.Path, r.IdempotencyKey)));
    }

    [Fact]
    public async Task Charge_processingThenFailed_declinedWithStripesReason()
    {
        _stub.IntentStatuses.Enqueue("processing");
        _stub.IntentStatuses.Enqueue("requires_payment_method");

        var result = await Gateway.ChargeAsync(new ChargeRequest("inv-1", Fee, "pm_x", "k-1"), default);

        Assert.Equal(ChargeResult.Decline("card_declined"), result);
        Assert.Empty(_stub.Problems);
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Theory]
    [InlineData("requires_action", StripePaymentGateway.AuthenticationRequired)]
    [InlineData("requires_payment_method", "card_declined")]
    public async Task Charge_intentThatNeedsThePatient_finalDeclineWithoutReadingAgain(
        string status, string declineCode)
    {
        _stub.IntentStatuses.Enqueue(status);

        var result = await Gateway.ChargeAsync(new ChargeRequest("inv-1", Fee, "pm_x", "k-1"), default);

        Assert.Equal(ChargeResult.Decline(declineCode), result);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Charge_stripeKeepsFailing_opensTheCircuitAndLaterCallsSendNothing()
    {
        await using var provider = Build(minimumThroughput: 3);
        var gateway = provider.GetRequiredService<IPaymentGateway>();
        for (var call = 0; call < 3; call++)
        {
            _stub.Answers.Enqueue(503);
            await Assert.ThrowsAsync<TransientPaymentException>(
                () => gateway.ChargeAsync(new ChargeRequest("inv-1", Fee, "pm_x", $"k-{call}"), default));
        }

        var refused = await Assert.ThrowsAsync<TransientPaymentException>(
            () => gateway.ChargeAsync(new ChargeRequest("inv-2", Fee, "pm_x", "k-next"), default));

        Assert.IsType<BrokenCircuitException>(refused.InnerException);
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

    [Fact]
    public async Task Refund_serverError_sentOnceAndThrownTransientForTheDurableRetry()
    {
        _stub.Answers.Enqueue(503);
        var request = new RefundRequest("pi_3Q0clinic", Fee, "refund-1");

        var first = Gateway.RefundAsync(request, default);

        await Assert.ThrowsAsync<TransientPaymentException>(() => first);
        Assert.Single(_stub.Requests);
        var retried = await Gateway.RefundAsync(request, default);
        Assert.Equal(ChargeResult.Approve("re_3Q0clinic", null), retried);
        Assert.Equal(
            [("/v1/refunds", "refund-1"), ("/v1/refunds", "refund-1")],
            _stub.Requests.Select(r => (r.Path, r.IdempotencyKey)));
    }

    private ServiceProvider Build(int minimumThroughput)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Billing:Gateway"] = "Stripe",
                ["Billing:Stripe:SecretKey"] = StripeStub.SecretKey,
                ["Billing:Stripe:ApiBase"] = _stub.BaseAddress.ToString(),
                ["Resilience:PaymentGateway:MinimumThroughput"] = minimumThroughput.ToString(
                    System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        return new ServiceCollection().AddLogging().AddBilling(configuration).BuildServiceProvider();
    }
}
