using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows.Contracts;
using Clinic.Billing.Workflows.Tests.Fakes;

namespace Clinic.Billing.Workflows.Tests;

public sealed class CancellationSettlementOrchestratorTests : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Settle_unpaidInvoice_voidedWithoutGatewayCall()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-settle-open");

        var outcome = await _host.SettleAsync("appt-settle-open");

        Assert.Equal(WorkflowOutcomeStatus.Voided, outcome.Status);
        Assert.Equal(InvoiceStatus.Void, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Equal(0, _host.Gateway.RefundCalls);
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "InvoiceVoided");
    }

    [Fact]
    public async Task Settle_failedPayment_voided()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-settle-failed");
        await _host.PayAsync(WorkflowHost.Payment(invoice, SimulatedPaymentGateway.DeclineToken, "pay-1"));

        var outcome = await _host.SettleAsync("appt-settle-failed");

        Assert.Equal(WorkflowOutcomeStatus.Voided, outcome.Status);
        Assert.Equal(InvoiceStatus.Void, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task Settle_paidInvoiceTwice_refundedOnce()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-settle-paid");
        await _host.PayAsync(WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "pay-1"));

        var outcome = await _host.SettleAsync("appt-settle-paid");
        var again = await _host.SettleAsync("appt-settle-paid");

        Assert.Equal(WorkflowOutcomeStatus.Refunded, outcome.Status);
        Assert.Equal(outcome, again);
        Assert.Equal(InvoiceStatus.Refunded, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Equal(1, _host.Gateway.RefundCalls);
    }

    [Fact]
    public async Task Settle_paymentInFlight_waitsThenRefundsTheCharge()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-settle-pending");
        await _host.InvoiceService.MarkPaymentPendingAsync(
            WorkflowHost.PatientId, invoice.Id, "pay-in-flight", CancellationToken.None);

        var settling = _host.SettleAsync("appt-settle-pending", TimeSpan.FromMilliseconds(50));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var charge = await _host.Gateway.ChargeAsync(
            new ChargeRequest(invoice.Id, invoice.Amount, SimulatedPaymentGateway.ApproveToken, "charge-1"),
            CancellationToken.None);
        await _host.InvoiceService.MarkPaidAsync(WorkflowHost.PatientId, invoice.Id, "pay-in-flight",
            charge.PaymentReference!, charge.CardLast4!, CancellationToken.None);
        var outcome = await settling;

        Assert.Equal(WorkflowOutcomeStatus.Refunded, outcome.Status);
        Assert.Equal(InvoiceStatus.Refunded, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "SettlementWaiting");
    }

    [Fact]
    public async Task Settle_paymentNeverEnds_givesUpWithCriticalAlert()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-settle-stuck");
        await _host.InvoiceService.MarkPaymentPendingAsync(
            WorkflowHost.PatientId, invoice.Id, "pay-in-flight", CancellationToken.None);

        var outcome = await _host.SettleAsync("appt-settle-stuck", TimeSpan.FromMilliseconds(10), maxRounds: 3);

        Assert.Equal(WorkflowOutcomeStatus.SettlementTimedOut, outcome.Status);
        Assert.Equal(InvoiceStatus.PaymentPending, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        var alert = Assert.Single(_host.Alerts.Raised);
        Assert.Equal("SettlementTimedOut", alert.EventName);
    }

    [Fact]
    public async Task Settle_appointmentWithoutInvoice_nothingToSettle()
    {
        var outcome = await _host.SettleAsync("appt-never-invoiced");

        Assert.Equal(WorkflowOutcomeStatus.NothingToSettle, outcome.Status);
        Assert.Empty(_host.Alerts.Raised);
    }
}
