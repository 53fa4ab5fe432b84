using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows.Contracts;
using Clinic.Billing.Workflows.Tests.Fakes;

namespace Clinic.Billing.Workflows.Tests;

public sealed class RefundOrchestratorTests : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Refund_paidInvoice_refundedOnce()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-refund");
        await _host.PayAsync(WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "pay-1"));

        var outcome = await _host.RefundAsync(invoice, "cancel-1");
        var again = await _host.RefundAsync(invoice, "cancel-1");

        Assert.Equal(WorkflowOutcomeStatus.Refunded, outcome.Status);
        Assert.Equal(outcome, again);
        Assert.Equal(InvoiceStatus.Refunded, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Equal(1, _host.Gateway.RefundCalls);
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "RefundIssued");
    }

    [Fact]
    public async Task Refund_unpaidInvoice_refusedWithoutGatewayCall()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-refund-open");

        var outcome = await _host.RefundAsync(invoice, "cancel-1");

        Assert.Equal(WorkflowOutcomeStatus.Refused, outcome.Status);
        Assert.Equal("invoice-transition-not-allowed", outcome.FailureCode);
        Assert.Equal(0, _host.Gateway.RefundCalls);
    }

    [Fact]
    public async Task Refund_transientFailuresThenSuccess_retriedAndRefundedOnce()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-refund-transient");
        var token = SimulatedPaymentGateway.RefundTransientTokenPrefix + "2";
        await _host.PayAsync(WorkflowHost.Payment(invoice, token, "pay-1"));

        var outcome = await _host.RefundAsync(invoice, "cancel-1");

        Assert.Equal(WorkflowOutcomeStatus.Refunded, outcome.Status);
        Assert.Equal(InvoiceStatus.Refunded, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Equal((3, 1), (_host.Gateway.RefundCalls, _host.Gateway.Refunds));
        Assert.Single(_host.Logs.GetSnapshot(), record => record.Id.Name == "RefundIssued");
        Assert.Empty(_host.Alerts.Raised);
    }
}
