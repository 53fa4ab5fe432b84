using Clinic.Platform.Privacy;

namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// What <see cref="PaymentOrchestrator"/> is started with. One <paramref name="IdempotencyKey"/> per payment
/// attempt of the caller: a resubmission with it joins the same orchestration and never charges twice.
/// </summary>
public sealed record PaymentWorkflowInput(
    string PatientId,
    string InvoiceId,
    [property: PaymentData] string PaymentToken,
    string IdempotencyKey,
    GatewayRetryOptions? Retry = null);
