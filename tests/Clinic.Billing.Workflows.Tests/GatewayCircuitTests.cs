using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows.Contracts;
using Clinic.Billing.Workflows.Tests.Fakes;
using Clinic.Platform.Alerts;

namespace Clinic.Billing.Workflows.Tests;

/// <summary>
/// The real chain: the simulated provider behind the breaker that <c>AddBilling</c> puts in front of every
/// provider, the activities and the orchestrators. Timeouts open the circuit; while it is open, payments and
/// refunds wait on durable timers without calling the provider, and go on once it closes.
/// </summary>
public sealed class GatewayCircuitTests
{
    /// <summary>Three failures open the circuit; it stays open for longer than any test runs.</summary>
    private static readonly Dictionary<string, string?> StaysOpen = Breaker(breakDuration: "00:05:00");

    [Fact]
    public async Task Pay_gatewayKeepsTimingOut_opensTheCircuitAndTheNextPaymentWaitsWithoutCalling()
    {
        await using var host = await WorkflowHost.StartAsync(StaysOpen);
        var timingOut = await host.IssueInvoiceAsync("appt-circuit-timeouts");
        var next = await host.IssueInvoiceAsync("appt-circuit-next");

        var (_, first) = await host.PayAsync(
            WorkflowHost.Payment(timingOut, SimulatedPaymentGateway.TimeoutToken, "key-1"));
        var callsWhenOpened = host.Gateway.ChargeCalls;
        var (_, second) = await host.PayAsync(
            WorkflowHost.Payment(next, SimulatedPaymentGateway.ApproveToken, "key-2"));

        Assert.Equal(3, callsWhenOpened);
        Assert.Equal(
            (WorkflowOutcomeStatus.PaymentFailed, WorkflowFailureCodes.GatewayUnavailable),
            (second.Status, second.FailureCode));
        Assert.Equal(WorkflowFailureCodes.GatewayUnavailable, first.FailureCode);
        Assert.Equal((callsWhenOpened, 0), (host.Gateway.ChargeCalls, host.Gateway.Captures));
        Assert.Equal(WorkflowHost.FastRetry.MaxCircuitWaits, Count(host, "GatewayCircuitOpenWait", next.Id));
        Assert.Single(host.Logs.GetSnapshot(), record => record.Id.Name == "CircuitOpened");
        var opened = Assert.Single(host.Alerts.Raised, alert => alert.EventName == "CircuitOpened");
        Assert.Equal(AlertSeverity.Critical, opened.Severity);
    }

    [Fact]
    public async Task Pay_circuitOpen_waitsOnADurableTimerThenPaysOnceWhenItCloses()
    {
        await using var host = await WorkflowHost.StartAsync(Breaker(breakDuration: "00:00:02"));
        var timingOut = await host.IssueInvoiceAsync("appt-circuit-opener");
        var next = await host.IssueInvoiceAsync("appt-circuit-waiter");
        var giveUpAtOnce = WorkflowHost.FastRetry with { MaxCircuitWaits = 0 };
        var outlastTheBreak = WorkflowHost.FastRetry with { CircuitOpenWait = TimeSpan.FromSeconds(2.5) };
        var opener = WorkflowHost.Payment(timingOut, SimulatedPaymentGateway.TimeoutToken, "key-1");
        await host.PayAsync(opener with { Retry = giveUpAtOnce });
        var callsWhenOpened = host.Gateway.ChargeCalls;

        var waiter = WorkflowHost.Payment(next, SimulatedPaymentGateway.ApproveToken, "key-2");
        var (_, outcome) = await host.PayAsync(waiter with { Retry = outlastTheBreak });

        Assert.Equal(WorkflowOutcomeStatus.Paid, outcome.Status);
        Assert.Equal((callsWhenOpened + 1, 1), (host.Gateway.ChargeCalls, host.Gateway.Captures));
        Assert.Equal(1, Count(host, "GatewayCircuitOpenWait", next.Id));
        Assert.Contains(host.Logs.GetSnapshot(), record => record.Id.Name == "CircuitClosed");
    }

    [Fact]
    public async Task Refund_circuitStaysOpen_waitsWithoutCallingThenInvoicePaidAgainAndAlerted()
    {
        await using var host = await WorkflowHost.StartAsync(StaysOpen);
        var paid = await host.IssueInvoiceAsync("appt-circuit-refund");
        var timingOut = await host.IssueInvoiceAsync("appt-circuit-refund-opener");
        await host.PayAsync(WorkflowHost.Payment(paid, SimulatedPaymentGateway.ApproveToken, "pay-1"));
        await host.PayAsync(WorkflowHost.Payment(timingOut, SimulatedPaymentGateway.TimeoutToken, "pay-2"));

        var outcome = await host.RefundAsync(paid, "cancel-1");

        Assert.Equal(WorkflowOutcomeStatus.RefundFailed, outcome.Status);
        Assert.Equal(WorkflowFailureCodes.GatewayUnavailable, outcome.FailureCode);
        Assert.Equal(InvoiceStatus.Paid, (await host.ReadInvoiceAsync(paid.Id)).Status);
        Assert.Equal(0, host.Gateway.RefundCalls);
        Assert.Equal(WorkflowHost.FastRetry.MaxCircuitWaits, Count(host, "GatewayCircuitOpenWait", paid.Id));
        Assert.Single(host.Alerts.Raised, alert => alert.EventName == "RefundFailed");
    }

    private static Dictionary<string, string?> Breaker(string breakDuration) => new()
    {
        ["Resilience:PaymentGateway:MinimumThroughput"] = "3",
        ["Resilience:PaymentGateway:FailureRatio"] = "0.5",
        ["Resilience:PaymentGateway:SamplingDuration"] = "00:01:00",
        ["Resilience:PaymentGateway:BreakDuration"] = breakDuration,
    };

    private static int Count(WorkflowHost host, string eventName, string invoiceId) =>
        host.Logs.GetSnapshot().Count(record => record.Id.Name == eventName
            && record.StructuredState?.Contains(new("InvoiceId", invoiceId)) == true);
}
