using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// A critical alert about an invoice: ids and codes only, never amounts, tokens or patients. The correlation
/// id is the orchestration's instance id, which leads to its history. <paramref name="RaisedAt"/> is the
/// orchestration's own time, the same in every replay, so that a retried activity names the same alert; it
/// is null only in inputs written before it was added.
/// </summary>
public sealed record BillingAlertInput(
    string EventName,
    string InvoiceId,
    string FailureCode,
    string CorrelationId,
    DateTimeOffset? RaisedAt = null)
{
    /// <summary>The alert that the orchestration of <paramref name="context"/> raises now.</summary>
    public static BillingAlertInput Now(
        TaskOrchestrationContext context, string eventName, string invoiceId, string failureCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new BillingAlertInput(eventName, invoiceId, failureCode, context.InstanceId,
            new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)));
    }
}
