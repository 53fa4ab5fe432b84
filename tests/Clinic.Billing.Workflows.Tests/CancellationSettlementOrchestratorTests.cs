using Clinic.Billing.Application;
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
    public async Task Settle_beforeTheInvoiceIsIssued_recordsItVoidAndTheLateIssueLeavesItVoid()
    {
        const string appointmentId = "appt-settle-first";

        var outcome = await _host.SettleAsync(appointmentId);
        var issued = await _host.IssueInvoiceAsync(appointmentId);

        Assert.Equal(WorkflowOutcomeStatus.Voided, outcome.Status);
        Assert.Equal(InvoiceIds.ForAppointment(appointmentId), outcome.InvoiceId);
        Assert.Equal(InvoiceStatus.Void, issued.Status);
        Assert.Equal(InvoiceStatus.Void, (await _host.ReadInvoiceAsync(issued.Id)).Status);
        var records = _host.Logs.GetSnapshot();
        Assert.Contains(records, record => record.Id.Name == "InvoiceVoided");
        Assert.Contains(records, record => record.Id.Name == "InvoiceLeftVoid");
        Assert.DoesNotContain(records, record => record.Id.Name == "InvoiceCreated");
    }

    [Fact]
    public async Task Settle_andIssueAtOnce_endVoidWhicheverWritesFirst()
    {
        var appointmentIds = Enumerable.Range(0, 8).Select(i => $"appt-settle-race-{i}").ToList();

        var outcomes = await Task.WhenAll(appointmentIds.Select(async appointmentId =>
        {
            var settling = Task.Run(() => _host.SettleAsync(appointmentId));
            var issuing = Task.Run(() => _host.IssueInvoiceAsync(appointmentId));
            await issuing;
            return await settling;
        }));

        Assert.All(outcomes, outcome => Assert.Equal(WorkflowOutcomeStatus.Voided, outcome.Status));
        foreach (var appointmentId in appointmentIds)
        {
            var invoice = await _host.ReadInvoiceAsync(InvoiceIds.ForAppointment(appointmentId));
            Assert.Equal(InvoiceStatus.Void, invoice.Status);
        }
    }

    [Fact]
    public async Task Settle_whileTheIssueIsBetweenItsTwoWrites_invoiceEndsVoid()
    {
        const string appointmentId = "appt-settle-in-the-gap";
        var issueHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Invoices.BeforeAdd = async invoice =>
        {
            if (invoice.Status != InvoiceStatus.Open)
                return;
            issueHeld.TrySetResult();
            await settled.Task;
        };

        var issuing = Task.Run(() => _host.IssueInvoiceAsync(appointmentId));
        await issueHeld.Task;
        var outcome = await _host.SettleAsync(appointmentId);
        settled.SetResult();
        var issued = await issuing;

        Assert.Equal(WorkflowOutcomeStatus.Voided, outcome.Status);
        Assert.Equal(InvoiceStatus.Void, issued.Status);
        Assert.Equal(InvoiceStatus.Void, (await _host.ReadInvoiceAsync(issued.Id)).Status);
    }

    [Fact]
    public async Task Settle_beforeIssueForADoctorWithoutFee_nothingToSettle()
    {
        var outcome = await _host.SettleAsync("appt-never-invoiced", doctorId: "dr-without-fee");

        Assert.Equal(WorkflowOutcomeStatus.NothingToSettle, outcome.Status);
        Assert.Null(await _host.Invoices.FindAsync(
            WorkflowHost.PatientId, InvoiceIds.ForAppointment("appt-never-invoiced"), CancellationToken.None));
        Assert.Empty(_host.Alerts.Raised);
    }

    [Fact]
    public async Task Settle_startedWithoutPatientAndDoctor_nothingToSettleAsBefore()
    {
        var outcome = await _host.SettleAsync("appt-settled-by-an-older-start", doctorId: null);

        Assert.Equal(WorkflowOutcomeStatus.NothingToSettle, outcome.Status);
        Assert.Empty(_host.Alerts.Raised);
    }
}
