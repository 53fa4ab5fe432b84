using Clinic.Billing.Domain;
using Clinic.Billing.Payments;

namespace Clinic.Billing.Tests.Payments;

public sealed class SimulatedPaymentGatewayTests
{
    private static readonly Money Fee = Money.Of(180m, "USD");

    [Fact]
    public async Task Charge_approveToken_isApprovedWithReferenceAndLast4()
    {
        var gateway = new SimulatedPaymentGateway();

        var result = await gateway.ChargeAsync(Request("tok_approve", "key-1"), CancellationToken.None);

        Assert.True(result.Approved);
        Assert.StartsWith("sim_ch_", result.PaymentReference, StringComparison.Ordinal);
        Assert.Equal("4242", result.CardLast4);
        Assert.Equal(1, gateway.Captures);
    }

    [Fact]
    public async Task Charge_declineToken_isDeclinedNotThrown()
    {
        var gateway = new SimulatedPaymentGateway();

        var result = await gateway.ChargeAsync(Request("tok_decline", "key-1"), CancellationToken.None);

        Assert.False(result.Approved);
        Assert.Equal("card_declined", result.DeclineCode);
        Assert.Equal(0, gateway.Captures);
    }

    [Fact]
    public async Task Charge_transientTwice_failsTwiceThenApprovesAndChargesOnce()
    {
        var gateway = new SimulatedPaymentGateway();
        var request = Request("tok_transient_2", "key-1");

        await Assert.ThrowsAsync<TransientPaymentException>(() => gateway.ChargeAsync(request, default));
        await Assert.ThrowsAsync<TransientPaymentException>(() => gateway.ChargeAsync(request, default));
        var third = await gateway.ChargeAsync(request, CancellationToken.None);
        var replay = await gateway.ChargeAsync(request, CancellationToken.None);

        Assert.True(third.Approved);
        Assert.Equal(third, replay);
        Assert.Equal(1, gateway.Captures);
    }

    [Fact]
    public async Task Charge_transientCount_isPerIdempotencyKey()
    {
        var gateway = new SimulatedPaymentGateway();
        await Assert.ThrowsAsync<TransientPaymentException>(
            () => gateway.ChargeAsync(Request("tok_transient_1", "key-1"), default));

        var other = gateway.ChargeAsync(Request("tok_transient_1", "key-2"), CancellationToken.None);

        await Assert.ThrowsAsync<TransientPaymentException>(() => other);
        Assert.True((await gateway.ChargeAsync(Request("tok_transient_1", "key-1"), default)).Approved);
    }

    [Fact]
    public async Task Charge_timeoutToken_alwaysThrowsTransient()
    {
        var gateway = new SimulatedPaymentGateway();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Assert.ThrowsAsync<TransientPaymentException>(
                () => gateway.ChargeAsync(Request("tok_timeout", "key-1"), default));
        }

        Assert.Equal(0, gateway.Captures);
    }

    [Fact]
    public async Task Charge_sameKeyRepeatedConcurrently_chargesOnce()
    {
        var gateway = new SimulatedPaymentGateway();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(
            _ => Task.Run(() => gateway.ChargeAsync(Request("tok_approve", "key-1"), default))));

        Assert.Single(results.Select(r => r.PaymentReference).Distinct());
        Assert.Equal(1, gateway.Captures);
    }

    [Fact]
    public async Task Charge_replayWithAnotherToken_returnsTheFirstAnswer()
    {
        var gateway = new SimulatedPaymentGateway();
        var first = await gateway.ChargeAsync(Request("tok_decline", "key-1"), CancellationToken.None);

        var replay = await gateway.ChargeAsync(Request("tok_approve", "key-1"), CancellationToken.None);

        Assert.Equal(first, replay);
        Assert.Equal(0, gateway.Captures);
    }

    [Theory]
    [InlineData("4242424242424242")]
    [InlineData("4242 4242 4242 4242")]
    [InlineData("4000-0566-5566-5556")]
    [InlineData("378282246310005")]
    public async Task Charge_cardNumber_isRejected(string cardNumber)
    {
        var gateway = new SimulatedPaymentGateway();

        var charge = gateway.ChargeAsync(Request(cardNumber, "key-1"), CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => charge);
        Assert.Equal(0, gateway.Captures);
    }

    [Fact]
    public async Task Refund_ofACharge_isApprovedOncePerKey()
    {
        var gateway = new SimulatedPaymentGateway();
        var charge = await gateway.ChargeAsync(Request("tok_approve", "key-1"), CancellationToken.None);
        var refund = new RefundRequest(charge.PaymentReference!, Fee, "refund-1");

        var first = await gateway.RefundAsync(refund, CancellationToken.None);
        var replay = await gateway.RefundAsync(refund, CancellationToken.None);

        Assert.True(first.Approved);
        Assert.Equal(first, replay);
    }

    [Fact]
    public async Task Refund_ofARefundTransientCharge_failsNTimesPerKeyThenRefundsOnce()
    {
        var gateway = new SimulatedPaymentGateway();
        var token = SimulatedPaymentGateway.RefundTransientTokenPrefix + "2";
        var charge = await gateway.ChargeAsync(Request(token, "key-1"), CancellationToken.None);
        var refund = new RefundRequest(charge.PaymentReference!, Fee, "refund-1");
        for (var attempt = 0; attempt < 2; attempt++)
            await Assert.ThrowsAsync<TransientPaymentException>(() => gateway.RefundAsync(refund, default));

        var approved = await gateway.RefundAsync(refund, CancellationToken.None);
        var replay = await gateway.RefundAsync(refund, CancellationToken.None);

        Assert.True(charge.Approved);
        Assert.Equal(SimulatedPaymentGateway.CardLast4, charge.CardLast4);
        Assert.True(approved.Approved);
        Assert.Equal(approved, replay);
        Assert.Equal((1, 1), (gateway.Captures, gateway.Refunds));
    }

    [Fact]
    public async Task Refund_unknownPayment_isDeclined()
    {
        var gateway = new SimulatedPaymentGateway();

        var result = await gateway.RefundAsync(new RefundRequest("pi_unknown", Fee, "r-1"), default);

        Assert.False(result.Approved);
        Assert.Equal("unknown_payment", result.DeclineCode);
    }

    private static ChargeRequest Request(string token, string key) => new("inv-1", Fee, token, key);
}
