using Clinic.Billing.Domain;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows;

/// <summary>
/// Refunds a paid invoice in full (a paid appointment was cancelled): marks it refund-pending, refunds it
/// with the same retries and circuit waits as a payment, then records it refunded; a refused or unanswered
/// refund makes the invoice paid again and raises a critical alert, so staff can refund it by hand.
/// </summary>
public sealed class RefundOrchestrator : TaskOrchestrator<RefundWorkflowInput, WorkflowOutcome>
{
    public static string InstanceIdFor(string invoiceId, string idempotencyKey) =>
        WorkflowKeys.For("refund", invoiceId, idempotencyKey);

    public static string GatewayKeyFor(string invoiceId, string idempotencyKey) =>
        WorkflowKeys.For("refund-key", invoiceId, idempotencyKey);

    public override async Task<WorkflowOutcome> RunAsync(TaskOrchestrationContext context, RefundWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var logger = context.CreateReplaySafeLogger<RefundOrchestrator>();
        var retry = input.Retry ?? GatewayRetryOptions.Default;
        var storage = TaskOptions.FromRetryPolicy(retry.ToStorageRetryPolicy());

        var pending = await context.CallActivityAsync<InvoiceStep>(
            BillingWorkflowNames.MarkRefundPending, new InvoiceRef(input.PatientId, input.InvoiceId), storage);
        if (!pending.Succeeded)
            return Outcome(input, WorkflowOutcomeStatus.Refused, pending.FailureCode);
        if (pending.Status == InvoiceStatus.Refunded)
            return Outcome(input, WorkflowOutcomeStatus.Refunded);

        var refund = new IssueRefundInput(input.PatientId, input.InvoiceId,
            GatewayKeyFor(input.InvoiceId, input.IdempotencyKey));
        var answer = await GatewayCalls.CallAsync(
            context, BillingWorkflowNames.IssueRefund, refund, input.InvoiceId, retry, logger);

        return answer.Kind == GatewayAnswerKind.Approved
            ? await RecordRefundedAsync(context, input, answer.Reference!, storage)
            : await RecordFailedAsync(context, input, answer.DeclineCode ?? WorkflowFailureCodes.Declined, storage);
    }

    private static async Task<WorkflowOutcome> RecordRefundedAsync(
        TaskOrchestrationContext context, RefundWorkflowInput input, string reference, TaskOptions storage)
    {
        var refunded = await context.CallActivityAsync<InvoiceStep>(BillingWorkflowNames.MarkRefunded,
            new RecordRefundInput(input.PatientId, input.InvoiceId, reference), storage);
        return refunded.Succeeded
            ? Outcome(input, WorkflowOutcomeStatus.Refunded)
            : Outcome(input, WorkflowOutcomeStatus.Refused, refunded.FailureCode);
    }

    private static async Task<WorkflowOutcome> RecordFailedAsync(
        TaskOrchestrationContext context, RefundWorkflowInput input, string failureCode, TaskOptions storage)
    {
        await context.CallActivityAsync<InvoiceStep>(BillingWorkflowNames.MarkRefundFailed,
            new RecordFailureInput(input.PatientId, input.InvoiceId, failureCode), storage);
        await context.CallActivityAsync<bool>(BillingWorkflowNames.RaisePaymentAlert,
            BillingAlertInput.Now(context, "RefundFailed", input.InvoiceId, failureCode), storage);
        return Outcome(input, WorkflowOutcomeStatus.RefundFailed, failureCode);
    }

    private static WorkflowOutcome Outcome(
        RefundWorkflowInput input, WorkflowOutcomeStatus status, string? failureCode = null) =>
        new(input.InvoiceId, status, failureCode);
}
