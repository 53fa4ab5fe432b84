namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// How a payment or refund orchestration ended: the orchestration itself completes either way, so its
/// caller reads the outcome here. <paramref name="FailureCode"/> is the provider's decline code, or
/// <see cref="WorkflowFailureCodes"/>, or billing's refusal code.
/// </summary>
public sealed record WorkflowOutcome(string InvoiceId, WorkflowOutcomeStatus Status, string? FailureCode = null);
