using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Clinic.Billing.Workflows;

/// <summary>
/// Calls a gateway activity from an orchestrator: transient failures are retried by a durable retry policy
/// with backoff; an open circuit is waited out on a durable timer, a bounded number of times. Whatever cannot
/// be answered becomes a decline with a workflow failure code, so the caller records it and alerts.
/// </summary>
internal static class GatewayCalls
{
    public static async Task<GatewayAnswer> CallAsync(
        TaskOrchestrationContext context,
        string activityName,
        object activityInput,
        string invoiceId,
        GatewayRetryOptions retry,
        ILogger logger)
    {
        var options = TaskOptions.FromRetryPolicy(retry.ToTransientRetryPolicy());
        for (var wait = 1; ; wait++)
        {
            var answer = await TryCallAsync(context, activityName, activityInput, invoiceId, options, logger);
            if (answer.Kind != GatewayAnswerKind.CircuitOpen)
                return answer;

            if (wait > retry.MaxCircuitWaits)
            {
                Log.GatewayGaveUp(logger, activityName, invoiceId, WorkflowFailureCodes.GatewayUnavailable,
                    "circuit open");
                return GatewayAnswer.Decline(WorkflowFailureCodes.GatewayUnavailable);
            }

            Log.GatewayCircuitOpenWait(
                logger, activityName, invoiceId, retry.CircuitOpenWait, wait, retry.MaxCircuitWaits);
            await context.CreateTimer(context.CurrentUtcDateTime.Add(retry.CircuitOpenWait), CancellationToken.None);
        }
    }

    private static async Task<GatewayAnswer> TryCallAsync(
        TaskOrchestrationContext context,
        string activityName,
        object activityInput,
        string invoiceId,
        TaskOptions options,
        ILogger logger)
    {
        try
        {
            return await context.CallActivityAsync<GatewayAnswer>(activityName, activityInput, options);
        }
        catch (TaskFailedException failed)
        {
            var code = GatewayRetryOptions.IsStillProcessing(failed.FailureDetails)
                ? WorkflowFailureCodes.OutcomeUnknown
                : GatewayRetryOptions.IsTransient(failed.FailureDetails)
                    ? WorkflowFailureCodes.GatewayUnavailable
                    : WorkflowFailureCodes.GatewayError;
            Log.GatewayGaveUp(logger, activityName, invoiceId, code, failed.FailureDetails.ErrorType);
            return GatewayAnswer.Decline(code);
        }
    }
}
