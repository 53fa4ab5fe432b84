using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows.Contracts;
using Clinic.Billing.Workflows.Tests.Fakes;

namespace Clinic.Billing.Workflows.Tests.Logging;

/// <summary>
/// Runs a retried payment, a declined one and a refund through the orchestrations and activities that
/// production runs, and reads every record the loggers received: no amount in any rendering, token, card
/// digits or patient id may appear in any of them in plain text, only in the encrypted twins.
/// </summary>
public sealed class BillingLogCaptureTests : IAsyncLifetime
{
    /// <summary>Bills 85.25 EUR: minor units that a whole-number fee could never show leaking.</summary>
    private const string Doctor = "dr-noah-fischer";

    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PaymentWorkflows_everyRecord_carriesNoPlaintextPaymentDataOrPatient()
    {
        var paid = await _host.IssueInvoiceAsync("appt-logs-paid", Doctor);
        var declined = await _host.IssueInvoiceAsync("appt-logs-declined", Doctor);
        var transient = SimulatedPaymentGateway.TransientTokenPrefix + "1";

        var payment = await _host.PayAsync(WorkflowHost.Payment(paid, transient, "pay-1"));
        var decline = await _host.PayAsync(
            WorkflowHost.Payment(declined, SimulatedPaymentGateway.DeclineToken, "pay-2"));
        var refund = await _host.RefundAsync(paid, "refund-1");

        Assert.Equal(Money.Of(85.25m, "EUR"), paid.Amount);
        Assert.Equal(
            (WorkflowOutcomeStatus.Paid, WorkflowOutcomeStatus.PaymentFailed, WorkflowOutcomeStatus.Refunded),
            (payment.Outcome.Status, decline.Outcome.Status, refund.Status));
        var records = _host.Logs.GetSnapshot();
        Assert.Superset(
            new HashSet<string?> { "PaymentSucceededDetails", "PaymentFailedDetails", "RefundIssuedDetails" },
            records.Select(r => r.Id.Name).ToHashSet());
        string[] secrets =
        [
            .. PaymentDataLeaks.RenderingsOf(paid.Amount), transient, SimulatedPaymentGateway.DeclineToken,
            SimulatedPaymentGateway.CardLast4, WorkflowHost.PatientId,
        ];
        Assert.Empty(PaymentDataLeaks.Find(records, secrets));
    }
}
