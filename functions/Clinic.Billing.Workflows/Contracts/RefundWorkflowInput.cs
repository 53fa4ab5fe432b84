namespace Clinic.Billing.Workflows.Contracts;

/// <summary>What <see cref="RefundOrchestrator"/> is started with, e.g. when a paid appointment is cancelled.</summary>
public sealed record RefundWorkflowInput(
    string PatientId, string InvoiceId, string IdempotencyKey, GatewayRetryOptions? Retry = null);
