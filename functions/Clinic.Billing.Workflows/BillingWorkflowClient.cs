using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Clinic.Billing.Workflows;

/// <summary>Starts billing's workflows, or joins the one already started for the same idempotency key.</summary>
public static class BillingWorkflowClient
{
    /// <summary>
    /// Starts of one instance id are serialized within a process: the in-process Durable backend leaves an
    /// instance pending for ever when it is scheduled twice at once. Across processes the backend's own
    /// "instance exists" refusal decides, and the loser joins the winner (below). Striped, so memory is bounded.
    /// </summary>
    private static readonly SemaphoreSlim[] StartLocks =
        Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>
    /// Starts the payment, or returns the instance id of the one that this invoice and key already started
    /// (running or finished): one key never starts a second charge. A new attempt needs a new key.
    /// </summary>
    public static Task<string> StartOrJoinPaymentAsync(
        this DurableTaskClient client, PaymentWorkflowInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        var instanceId = PaymentOrchestrator.InstanceIdFor(input.InvoiceId, input.IdempotencyKey);
        return StartOrJoinAsync(
            client, BillingWorkflowNames.PaymentOrchestrator, instanceId, input, cancellationToken);
    }

    /// <summary>Starts the refund, or joins the one this invoice and key already started.</summary>
    public static Task<string> StartOrJoinRefundAsync(
        this DurableTaskClient client, RefundWorkflowInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        var instanceId = RefundOrchestrator.InstanceIdFor(input.InvoiceId, input.IdempotencyKey);
        return StartOrJoinAsync(
            client, BillingWorkflowNames.RefundOrchestrator, instanceId, input, cancellationToken);
    }

    /// <summary>Starts the settlement of a cancelled appointment, or joins the one already started for it.</summary>
    public static Task<string> StartOrJoinSettlementAsync(
        this DurableTaskClient client, SettlementInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        var instanceId = CancellationSettlementOrchestrator.InstanceIdFor(input.AppointmentId);
        return StartOrJoinAsync(client, BillingWorkflowNames.CancellationSettlementOrchestrator, instanceId, input,
            cancellationToken);
    }

    /// <summary>
    /// Starts the settlement as a shortcut, where a later path (billing's queue of appointment changes) is the
    /// one that cannot be lost: a failure is logged and reported as false, never thrown.
    /// </summary>
    public static async Task<bool> TryStartOrJoinSettlementAsync(
        this DurableTaskClient client, SettlementInput input, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        try
        {
            await client.StartOrJoinSettlementAsync(input, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.SettlementStartDeferred(logger, input.AppointmentId, exception.GetType().Name);
            return false;
        }
    }

    private static async Task<string> StartOrJoinAsync(
        DurableTaskClient client,
        string orchestratorName,
        string instanceId,
        object input,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        var gate = StartLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(instanceId) % StartLocks.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await StartUnlessStartedAsync(client, orchestratorName, instanceId, input, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string> StartUnlessStartedAsync(
        DurableTaskClient client,
        string orchestratorName,
        string instanceId,
        object input,
        CancellationToken cancellationToken)
    {
        // Some backends restart a finished instance whose id is scheduled again: look first.
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
            return instanceId;

        try
        {
            var options = new StartOrchestrationOptions(instanceId);
            return await client.ScheduleNewOrchestrationInstanceAsync(
                orchestratorName, input, options, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A concurrent submission with the same key won the start: join it.
            var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            if (existing is null)
                throw;
            return instanceId;
        }
    }
}
