namespace Clinic.Billing.Workflows.Contracts;

public enum WorkflowOutcomeStatus
{
    Paid,
    PaymentFailed,
    Refunded,
    RefundFailed,

    /// <summary>An unpaid invoice of a cancelled appointment was voided.</summary>
    Voided,

    /// <summary>The cancelled appointment has no invoice, or its invoice was already settled.</summary>
    NothingToSettle,

    /// <summary>A payment stayed in flight for longer than settlement waits; an alert asks staff to settle.</summary>
    SettlementTimedOut,

    /// <summary>
    /// The provider never decided the charge while the payment polled it: the invoice stays pending, and a
    /// critical alert asks staff to reconcile it with the provider.
    /// </summary>
    PaymentOutcomeUnknown,

    /// <summary>The invoice could not take this step (not found, or in a state that forbids it).</summary>
    Refused,
}
