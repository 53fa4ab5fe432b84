namespace Clinic.Billing.Workflows.Contracts;

public enum WorkflowOutcomeStatus
{
    Paid,
    PaymentFailed,
    Refunded,
    RefundFailed,

    /// <summary>The invoice could not take this step (not found, or in a state that forbids it).</summary>
    Refused,
}
