using Clinic.Billing.Domain;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Clinic.Billing.Workflows;

/// <summary>
/// Settles the invoice of a cancelled appointment: an unpaid one is voided, a paid one refunded through
/// <see cref="RefundOrchestrator"/>. A payment still in flight is waited for on a durable timer and settled
/// once it ends, so a cancellation never races a charge into an unrefunded payment. Each wait continues as a
/// new generation, which keeps the history short however long the payment takes. A cancellation that comes
/// before the invoice was issued records the invoice void, so the late issue cannot open it.
/// </summary>
public sealed class CancellationSettlementOrchestrator : TaskOrchestrator<SettlementInput, WorkflowOutcome>
{
    private static readonly TimeSpan DefaultPendingPaymentWait = TimeSpan.FromSeconds(30);

    /// <summary>One settlement per appointment: cancelling twice joins the first.</summary>
    public static string InstanceIdFor(string appointmentId) =>
        WorkflowKeys.For("settle", appointmentId, "cancellation");

    /// <summary>The refund's idempotency key: a settlement that runs again never refunds twice.</summary>
    public static string RefundKeyFor(string appointmentId) => "cancellation:" + appointmentId;

    public override async Task<WorkflowOutcome> RunAsync(TaskOrchestrationContext context, SettlementInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var logger = context.CreateReplaySafeLogger<CancellationSettlementOrchestrator>();
        var retry = input.Retry ?? GatewayRetryOptions.Default;
        var storage = TaskOptions.FromRetryPolicy(retry.ToStorageRetryPolicy());

        var invoice = await context.CallActivityAsync<AppointmentInvoice>(
            BillingWorkflowNames.FindAppointmentInvoice, input.AppointmentId, storage);
        return invoice.Found
            ? await SettleAsync(context, input, invoice, storage, logger)
            : await SettleUnissuedAsync(context, input, storage, logger);
    }

    private static async Task<WorkflowOutcome> SettleAsync(
        TaskOrchestrationContext context,
        SettlementInput input,
        AppointmentInvoice invoice,
        TaskOptions storage,
        ILogger logger)
    {
        switch (invoice.Status)
        {
            case InvoiceStatus.Open or InvoiceStatus.PaymentFailed:
                var voided = await context.CallActivityAsync<InvoiceStep>(BillingWorkflowNames.VoidInvoice,
                    new VoidInvoiceInput(invoice.PatientId!, invoice.InvoiceId!, invoice.Version!.Value), storage);
                return voided.Succeeded
                    ? Outcome(invoice.InvoiceId!, WorkflowOutcomeStatus.Voided)
                    : await TryAgainAsync(context, input, invoice, TimeSpan.Zero, logger);

            case InvoiceStatus.PaymentPending:
                var wait = input.PendingPaymentWait ?? DefaultPendingPaymentWait;
                return await TryAgainAsync(context, input, invoice, wait, logger);

            case InvoiceStatus.Paid:
                return await RefundAsync(context, input, invoice);

            default:
                return Outcome(invoice.InvoiceId!, WorkflowOutcomeStatus.NothingToSettle);
        }
    }

    /// <summary>
    /// The cancellation overtook the booking on billing's queue, so no invoice was issued yet. Completing here
    /// would let the issue that follows open an invoice for a cancelled appointment, so the invoice is recorded
    /// void now, and the issue then finds it void. Should the issue write it first, it is settled as found.
    /// </summary>
    private static async Task<WorkflowOutcome> SettleUnissuedAsync(
        TaskOrchestrationContext context, SettlementInput input, TaskOptions storage, ILogger logger)
    {
        // Started before the patient and doctor were passed: nothing to key the invoice by.
        if (input.PatientId is null || input.DoctorId is null)
            return Outcome(input.AppointmentId, WorkflowOutcomeStatus.NothingToSettle);

        var unissued = new UnissuedInvoiceInput(input.AppointmentId, input.PatientId, input.DoctorId);
        var invoice = await context.CallActivityAsync<AppointmentInvoice>(
            BillingWorkflowNames.VoidUnissuedInvoice, unissued, storage);
        if (!invoice.Found)
            return Outcome(input.AppointmentId, WorkflowOutcomeStatus.NothingToSettle);

        return invoice.Status == InvoiceStatus.Void
            ? Outcome(invoice.InvoiceId!, WorkflowOutcomeStatus.Voided)
            : await SettleAsync(context, input, invoice, storage, logger);
    }

    private static Task<WorkflowOutcome> RefundAsync(
        TaskOrchestrationContext context, SettlementInput input, AppointmentInvoice invoice)
    {
        var key = RefundKeyFor(input.AppointmentId);
        var refund = new RefundWorkflowInput(invoice.PatientId!, invoice.InvoiceId!, key, input.Retry);
        var options = new SubOrchestrationOptions
        {
            InstanceId = RefundOrchestrator.InstanceIdFor(invoice.InvoiceId!, key),
        };
        return context.CallSubOrchestratorAsync<WorkflowOutcome>(
            BillingWorkflowNames.RefundOrchestrator, refund, options);
    }

    /// <summary>
    /// Reads the invoice again after <paramref name="wait"/>, as a new generation; after the last round it
    /// gives up and raises a critical alert, so staff settle the invoice by hand.
    /// </summary>
    private static async Task<WorkflowOutcome> TryAgainAsync(
        TaskOrchestrationContext context,
        SettlementInput input,
        AppointmentInvoice invoice,
        TimeSpan wait,
        ILogger logger)
    {
        if (input.Round + 1 >= input.MaxRounds)
        {
            Log.SettlementGaveUp(logger, invoice.InvoiceId!, invoice.Status!.Value, input.Round + 1);
            await context.CallActivityAsync<bool>(BillingWorkflowNames.RaisePaymentAlert,
                BillingAlertInput.Now(
                    context, "SettlementTimedOut", invoice.InvoiceId!, invoice.Status!.Value.ToString()));
            return Outcome(invoice.InvoiceId!, WorkflowOutcomeStatus.SettlementTimedOut);
        }

        Log.SettlementWaiting(logger, invoice.InvoiceId!, invoice.Status!.Value, wait, input.Round + 1);
        if (wait > TimeSpan.Zero)
            await context.CreateTimer(context.CurrentUtcDateTime.Add(wait), CancellationToken.None);

        context.ContinueAsNew(input with { Round = input.Round + 1 });
        return Outcome(invoice.InvoiceId!, WorkflowOutcomeStatus.NothingToSettle);
    }

    private static WorkflowOutcome Outcome(string invoiceId, WorkflowOutcomeStatus status) =>
        new(invoiceId, status, null);
}
