using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows.Contracts;
using Clinic.Billing.Workflows.Tests.Fakes;
using Clinic.Platform.Alerts;

namespace Clinic.Billing.Workflows.Tests;

public sealed class PaymentOrchestratorTests : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Pay_approvedToken_paidWithOneCharge()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-approve");

        var (_, outcome) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-1"));

        Assert.Equal(WorkflowOutcomeStatus.Paid, outcome.Status);
        var stored = await _host.ReadInvoiceAsync(invoice.Id);
        Assert.Equal(InvoiceStatus.Paid, stored.Status);
        Assert.Equal(SimulatedPaymentGateway.CardLast4, stored.CardLast4);
        Assert.Equal(1, _host.Gateway.ChargeCalls);
        Assert.Equal(1, _host.Gateway.Captures);
        Assert.Empty(_host.Alerts.Raised);
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentSucceeded");
    }

    [Fact]
    public async Task Pay_approvedWithoutCardDigits_paidWithNoLastFour()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-approve-no-digits");
        _host.Gateway.WithoutCardDigits = true;

        var (_, outcome) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-1"));

        Assert.Equal(WorkflowOutcomeStatus.Paid, outcome.Status);
        var stored = await _host.ReadInvoiceAsync(invoice.Id);
        Assert.Equal(InvoiceStatus.Paid, stored.Status);
        Assert.Null(stored.CardLast4);
        Assert.Empty(_host.Alerts.Raised);
    }

    [Fact]
    public async Task Pay_declinedToken_paymentFailedWithoutRetryAndAlerted()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-decline");

        var (instanceId, outcome) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.DeclineToken, "key-1"));

        Assert.Equal(new WorkflowOutcome(invoice.Id, WorkflowOutcomeStatus.PaymentFailed, "card_declined"), outcome);
        var stored = await _host.ReadInvoiceAsync(invoice.Id);
        Assert.Equal(InvoiceStatus.PaymentFailed, stored.Status);
        Assert.Equal("card_declined", stored.FailureCode);
        Assert.Equal(1, _host.Gateway.ChargeCalls);
        var alert = Assert.Single(_host.Alerts.Raised);
        Assert.Equal((AlertSeverity.Critical, "PaymentFailed", instanceId),
            (alert.Severity, alert.EventName, alert.CorrelationId));
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentFailed");
        Assert.Equal(invoice.Id, Assert.Single(_host.Patients.Notified).Id);
    }

    [Fact]
    public async Task Pay_declinedWhileNotificationsAreDown_stillRecordedFailedAndAlerted()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-decline-quiet");
        _host.Patients.Unreachable = true;

        var (_, outcome) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.DeclineToken, "key-1"));

        Assert.Equal(WorkflowOutcomeStatus.PaymentFailed, outcome.Status);
        Assert.Equal(InvoiceStatus.PaymentFailed, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Single(_host.Alerts.Raised);
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentFailureNotNotified");
    }

    [Fact]
    public async Task Pay_twoTransientFailures_retriedAndPaidWithOneCharge()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-transient");

        var (_, outcome) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.TransientTokenPrefix + "2", "key-1"));

        Assert.Equal(WorkflowOutcomeStatus.Paid, outcome.Status);
        Assert.Equal(InvoiceStatus.Paid, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Equal(3, _host.Gateway.ChargeCalls);
        Assert.Equal(1, _host.Gateway.Captures);
        Assert.Empty(_host.Alerts.Raised);
        Assert.Equal(2, _host.Logs.GetSnapshot().Count(record => record.Id.Name == "PaymentInterrupted"));
    }

    [Fact]
    public async Task Pay_gatewayAlwaysTimesOut_paymentFailedAfterBoundedRetriesAndAlerted()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-timeout");

        var (_, outcome) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.TimeoutToken, "key-1"));

        Assert.Equal(WorkflowOutcomeStatus.PaymentFailed, outcome.Status);
        Assert.Equal(WorkflowFailureCodes.GatewayUnavailable, outcome.FailureCode);
        Assert.Equal(InvoiceStatus.PaymentFailed, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Equal(WorkflowHost.FastRetry.MaxAttempts, _host.Gateway.ChargeCalls);
        Assert.Equal(0, _host.Gateway.Captures);
        var alert = Assert.Single(_host.Alerts.Raised);
        Assert.Equal((AlertSeverity.Critical, "PaymentFailed"), (alert.Severity, alert.EventName));
    }

    [Fact]
    public async Task Pay_providerStillProcessingThroughEveryRetry_pollsLaterAndPaysOnce()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-processing");
        _host.Gateway.StillProcessingCharges = WorkflowHost.FastRetry.MaxAttempts + 1;

        var (_, outcome) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-1"));

        Assert.Equal(WorkflowOutcomeStatus.Paid, outcome.Status);
        Assert.Equal(InvoiceStatus.Paid, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Equal(WorkflowHost.FastRetry.MaxAttempts + 2, _host.Gateway.ChargeCalls);
        Assert.Equal(1, _host.Gateway.Captures);
        Assert.Empty(_host.Alerts.Raised);
        Assert.Empty(_host.Patients.Notified);
        Assert.Single(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentOutcomePending");
    }

    [Fact]
    public async Task Pay_providerNeverDecides_invoiceStaysPendingAndStaffAlertedNotThePatient()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-processing-forever");
        _host.Gateway.StillProcessingCharges = int.MaxValue;

        var (instanceId, outcome) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-1"));

        Assert.Equal(
            new WorkflowOutcome(
                invoice.Id, WorkflowOutcomeStatus.PaymentOutcomeUnknown, WorkflowFailureCodes.OutcomeUnknown),
            outcome);
        Assert.Equal(InvoiceStatus.PaymentPending, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        var retry = WorkflowHost.FastRetry;
        Assert.Equal(retry.MaxAttempts * (retry.MaxOutcomePolls + 1), _host.Gateway.ChargeCalls);
        var alert = Assert.Single(_host.Alerts.Raised);
        Assert.Equal((AlertSeverity.Critical, "PaymentOutcomeUnknown", instanceId),
            (alert.Severity, alert.EventName, alert.CorrelationId));
        Assert.Empty(_host.Patients.Notified);
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentFailed");
    }

    [Fact]
    public async Task Pay_sameKeySubmittedTwice_oneOrchestrationAndOneCharge()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-double");
        var input = WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-1");

        var firstId = await _host.Client.StartOrJoinPaymentAsync(input, CancellationToken.None);
        var whileRunningId = await _host.Client.StartOrJoinPaymentAsync(input, CancellationToken.None);
        var first = await _host.WaitForOutcomeAsync(firstId);
        var (afterwardsId, second) = await _host.PayAsync(input);

        Assert.Equal(PaymentOrchestrator.InstanceIdFor(invoice.Id, "key-1"), firstId);
        Assert.Equal((firstId, firstId), (whileRunningId, afterwardsId));
        Assert.Equal(WorkflowOutcomeStatus.Paid, first.Status);
        Assert.Equal(first, second);
        Assert.Equal(1, _host.Gateway.ChargeCalls);
        Assert.Equal(1, _host.Gateway.Captures);
    }

    [Fact]
    public async Task Pay_anotherKeyWhileAChargeIsInFlight_refusedWithoutCharging()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-two-keys");
        _host.Gateway.HoldNextCharge();
        var firstId = await _host.Client.StartOrJoinPaymentAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-1"), CancellationToken.None);
        await WaitUntilAsync(() => _host.Gateway.ChargeCalls == 1);

        var (_, second) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-2"));
        _host.Gateway.ReleaseHeldCharge();
        var first = await _host.WaitForOutcomeAsync(firstId);

        Assert.Equal(
            new WorkflowOutcome(invoice.Id, WorkflowOutcomeStatus.Refused, "payment-in-progress"), second);
        Assert.Equal(WorkflowOutcomeStatus.Paid, first.Status);
        Assert.Equal((1, 1), (_host.Gateway.ChargeCalls, _host.Gateway.Captures));
        var stored = await _host.ReadInvoiceAsync(invoice.Id);
        Assert.Equal((InvoiceStatus.Paid, firstId), (stored.Status, stored.PaymentAttemptId));
        Assert.Single(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentSucceeded");
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentNotStarted");
        Assert.Empty(_host.Alerts.Raised);
    }

    [Fact]
    public async Task Pay_anotherKeyAfterThePaymentSucceeded_refusedAsNotPayableWithoutCharging()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-paid-then-again");
        var (firstId, _) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-1"));

        var (_, second) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-2"));

        Assert.Equal(
            new WorkflowOutcome(invoice.Id, WorkflowOutcomeStatus.Refused, "invoice-not-payable"), second);
        Assert.Equal((1, 1), (_host.Gateway.ChargeCalls, _host.Gateway.Captures));
        var stored = await _host.ReadInvoiceAsync(invoice.Id);
        Assert.Equal((InvoiceStatus.Paid, firstId), (stored.Status, stored.PaymentAttemptId));
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentNotStarted");
    }

    [Fact]
    public async Task Pay_voidInvoice_refusedAsNotPayableWithoutCharging()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-void-then-paid");
        await _host.InvoiceService.VoidAsync(WorkflowHost.PatientId, invoice.Id, null, CancellationToken.None);

        var (_, outcome) = await _host.PayAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-1"));

        Assert.Equal(
            new WorkflowOutcome(invoice.Id, WorkflowOutcomeStatus.Refused, "invoice-not-payable"), outcome);
        Assert.Equal(0, _host.Gateway.ChargeCalls);
        Assert.Equal(InvoiceStatus.Void, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task Pay_approvedChargeTheInvoiceRefuses_raisesChargeNotRecordedForStaff()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-charge-not-recorded");
        _host.Gateway.HoldNextCharge();
        var instanceId = await _host.Client.StartOrJoinPaymentAsync(
            WorkflowHost.Payment(invoice, SimulatedPaymentGateway.ApproveToken, "key-1"), CancellationToken.None);
        await WaitUntilAsync(() => _host.Gateway.ChargeCalls == 1);
        var pending = await _host.ReadInvoiceAsync(invoice.Id);
        _host.Invoices.Overwrite(pending with { PaymentAttemptId = "pay-someone-else" });

        _host.Gateway.ReleaseHeldCharge();
        var outcome = await _host.WaitForOutcomeAsync(instanceId);

        Assert.Equal(
            new WorkflowOutcome(invoice.Id, WorkflowOutcomeStatus.Refused, "payment-in-progress"), outcome);
        Assert.Equal(1, _host.Gateway.Captures);
        var alert = Assert.Single(_host.Alerts.Raised);
        Assert.Equal((AlertSeverity.Critical, "ChargeNotRecorded", instanceId),
            (alert.Severity, alert.EventName, alert.CorrelationId));
    }

    [Fact]
    public async Task Pay_twoKeysAtOnce_oneChargeAndPaidOnce()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-two-keys-race");
        var token = SimulatedPaymentGateway.TransientTokenPrefix + "2";

        var outcomes = await Task.WhenAll(
            _host.PayAsync(WorkflowHost.Payment(invoice, token, "key-1")),
            _host.PayAsync(WorkflowHost.Payment(invoice, token, "key-2")));

        Assert.Equal(
            [WorkflowOutcomeStatus.Paid, WorkflowOutcomeStatus.Refused],
            outcomes.Select(o => o.Outcome.Status).Order());
        Assert.Equal(1, _host.Gateway.Captures);
        Assert.Equal(InvoiceStatus.Paid, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Single(_host.Logs.GetSnapshot(), record => record.Id.Name == "PaymentSucceeded");
        Assert.Empty(_host.Alerts.Raised);
    }

    [Fact]
    public async Task Pay_cardNumberAsToken_refusedWithoutTouchingInvoiceOrGateway()
    {
        var invoice = await _host.IssueInvoiceAsync("appt-pan");

        var (_, outcome) = await _host.PayAsync(WorkflowHost.Payment(invoice, "4242 4242 4242 4242", "key-1"));

        Assert.Equal(WorkflowOutcomeStatus.Refused, outcome.Status);
        Assert.Equal(WorkflowFailureCodes.CardNumberRefused, outcome.FailureCode);
        Assert.Equal(InvoiceStatus.Open, (await _host.ReadInvoiceAsync(invoice.Id)).Status);
        Assert.Equal(0, _host.Gateway.ChargeCalls);
    }

    [Fact]
    public void InstanceIdFor_sameInvoiceAndKey_sameIdWithoutTheKeyItself()
    {
        var first = PaymentOrchestrator.InstanceIdFor("inv_1", "secret-key");

        var again = PaymentOrchestrator.InstanceIdFor("inv_1", "secret-key");
        var other = PaymentOrchestrator.InstanceIdFor("inv_1", "other-key");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.StartsWith("pay-inv_1-", first, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", first, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
    }
}
