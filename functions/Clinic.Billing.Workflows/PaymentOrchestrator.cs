using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Clinic.Billing.Workflows;

/// <summary>
/// Pays an invoice: marks it pending for this orchestration, charges it (transient failures retried with
/// backoff, an open circuit waited out on a durable timer), then records it paid, or records the failure and
/// raises a critical alert. One orchestration at a time holds an invoice pending: another payment of it, under
/// another key, is refused before it charges. Time, ids and logs come only from the orchestration context, so
/// replays are deterministic.
/// </summary>
public sealed class PaymentOrchestrator : TaskOrchestrator<PaymentWorkflowInput, WorkflowOutcome>
{
    /// <summary>
    /// The instance id of the payment of <paramref name="invoiceId"/> under <paramref name="idempotencyKey"/>:
    /// a resubmission with the same key names, and so joins, the same orchestration.
    /// </summary>
    public static string InstanceIdFor(string invoiceId, string idempotencyKey) =>
        WorkflowKeys.For("pay", invoiceId, idempotencyKey);

    /// <summary>The provider's idempotency key: the same for every retry and resubmission of one payment.</summary>
    public static string GatewayKeyFor(string invoiceId, string idempotencyKey) =>
        WorkflowKeys.For("charge", invoiceId, idempotencyKey);

    public override async Task<WorkflowOutcome> RunAsync(TaskOrchestrationContext context, PaymentWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        // The token is checked before it is written anywhere else; the caller should have refused it already.
        if (PaymentTokens.LooksLikeCardNumber(input.PaymentToken))
            return Outcome(input, WorkflowOutcomeStatus.Refused, WorkflowFailureCodes.CardNumberRefused);

        var logger = context.CreateReplaySafeLogger<PaymentOrchestrator>();
        var retry = input.Retry ?? GatewayRetryOptions.Default;
        var storage = TaskOptions.FromRetryPolicy(retry.ToStorageRetryPolicy());

        var attempt = new PaymentAttemptRef(input.PatientId, input.InvoiceId, context.InstanceId);
        var pending = await context.CallActivityAsync<InvoiceStep>(
            BillingWorkflowNames.MarkPaymentPending, attempt, storage);
        if (!pending.Succeeded)
        {
            Log.PaymentNotStarted(logger, input.InvoiceId, pending.FailureCode ?? "unknown");
            return Outcome(input, WorkflowOutcomeStatus.Refused, pending.FailureCode);
        }

        if (pending.Status == InvoiceStatus.Paid)
            return Outcome(input, WorkflowOutcomeStatus.Paid);

        var charge = new ChargeInput(input.PatientId, input.InvoiceId, input.PaymentToken,
            GatewayKeyFor(input.InvoiceId, input.IdempotencyKey));
        var answer = await GatewayCalls.CallAsync(
            context, BillingWorkflowNames.ChargePayment, charge, input.InvoiceId, retry, logger);

        // A charge the provider is still processing may yet succeed: ask again later with the same key (which
        // reads its current state) rather than tell the patient that no money was taken.
        for (var poll = 1; IsUndecided(answer) && poll <= retry.MaxOutcomePolls; poll++)
        {
            Log.PaymentOutcomePending(
                logger, input.InvoiceId, retry.OutcomePollInterval, poll, retry.MaxOutcomePolls);
            await context.CreateTimer(
                context.CurrentUtcDateTime.Add(retry.OutcomePollInterval), CancellationToken.None);
            answer = await GatewayCalls.CallAsync(
                context, BillingWorkflowNames.ChargePayment, charge, input.InvoiceId, retry, logger);
        }

        if (answer.Kind == GatewayAnswerKind.Approved)
            return await RecordPaidAsync(context, input, answer, storage);
        if (IsUndecided(answer))
            return await LeaveToStaffAsync(context, input, retry, logger, storage);
        var failureCode = answer.DeclineCode ?? WorkflowFailureCodes.Declined;
        return await RecordFailedAsync(context, input, failureCode, storage);
    }

    private static bool IsUndecided(GatewayAnswer answer) =>
        answer.DeclineCode == WorkflowFailureCodes.OutcomeUnknown;

    /// <summary>
    /// Still undecided after every poll: the invoice stays pending under this payment, so no other payment
    /// can charge it again, and a critical alert asks staff to reconcile it with the provider.
    /// </summary>
    private static async Task<WorkflowOutcome> LeaveToStaffAsync(
        TaskOrchestrationContext context,
        PaymentWorkflowInput input,
        GatewayRetryOptions retry,
        ILogger logger,
        TaskOptions storage)
    {
        Log.PaymentOutcomeUnknown(logger, input.InvoiceId, retry.MaxOutcomePolls);
        await context.CallActivityAsync<bool>(BillingWorkflowNames.RaisePaymentAlert,
            BillingAlertInput.Now(
                context, "PaymentOutcomeUnknown", input.InvoiceId, WorkflowFailureCodes.OutcomeUnknown),
            storage);
        return Outcome(
            input, WorkflowOutcomeStatus.PaymentOutcomeUnknown, WorkflowFailureCodes.OutcomeUnknown);
    }

    /// <summary>
    /// Records the charge, with the card's last four digits only if the provider named them: digits made up
    /// here would show on the patient's invoice as the card's. Should the invoice refuse the charge, the
    /// provider holds money that no invoice shows: a critical alert asks staff to refund it by hand.
    /// </summary>
    private static async Task<WorkflowOutcome> RecordPaidAsync(
        TaskOrchestrationContext context, PaymentWorkflowInput input, GatewayAnswer answer, TaskOptions storage)
    {
        var paid = await context.CallActivityAsync<InvoiceStep>(BillingWorkflowNames.MarkPaid,
            new RecordPaidInput(
                input.PatientId, input.InvoiceId, context.InstanceId, answer.Reference!, answer.CardLast4),
            storage);
        if (paid.Succeeded)
            return Outcome(input, WorkflowOutcomeStatus.Paid);

        var code = paid.FailureCode ?? "unknown";
        await context.CallActivityAsync<bool>(BillingWorkflowNames.RaisePaymentAlert,
            BillingAlertInput.Now(context, "ChargeNotRecorded", input.InvoiceId, code), storage);
        return Outcome(input, WorkflowOutcomeStatus.Refused, code);
    }

    private static async Task<WorkflowOutcome> RecordFailedAsync(
        TaskOrchestrationContext context, PaymentWorkflowInput input, string failureCode, TaskOptions storage)
    {
        await context.CallActivityAsync<InvoiceStep>(BillingWorkflowNames.MarkPaymentFailed,
            new RecordPaymentFailureInput(input.PatientId, input.InvoiceId, context.InstanceId, failureCode),
            storage);
        await context.CallActivityAsync<bool>(BillingWorkflowNames.RaisePaymentAlert,
            BillingAlertInput.Now(context, "PaymentFailed", input.InvoiceId, failureCode), storage);
        await TellPatientAsync(context, input, storage);
        return Outcome(input, WorkflowOutcomeStatus.PaymentFailed, failureCode);
    }

    /// <summary>
    /// The patient hears of the failure through notifications. That step failing after its retries changes
    /// nothing of the outcome: the invoice is recorded failed and admins are alerted either way.
    /// </summary>
    private static async Task TellPatientAsync(
        TaskOrchestrationContext context, PaymentWorkflowInput input, TaskOptions storage)
    {
        try
        {
            await context.CallActivityAsync<bool>(BillingWorkflowNames.NotifyPaymentFailed,
                new InvoiceRef(input.PatientId, input.InvoiceId), storage);
        }
        catch (TaskFailedException exception)
        {
            Log.PatientNotNotified(
                context.CreateReplaySafeLogger<PaymentOrchestrator>(),
                input.InvoiceId,
                exception.FailureDetails.ErrorType);
        }
    }

    private static WorkflowOutcome Outcome(
        PaymentWorkflowInput input, WorkflowOutcomeStatus status, string? failureCode = null) =>
        new(input.InvoiceId, status, failureCode);
}
