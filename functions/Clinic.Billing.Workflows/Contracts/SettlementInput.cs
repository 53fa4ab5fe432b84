namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// What <see cref="CancellationSettlementOrchestrator"/> is started with when an appointment is cancelled.
/// <see cref="Round"/> counts the waits for a payment in flight; each wait continues as a new generation.
/// </summary>
public sealed record SettlementInput(
    string AppointmentId,
    GatewayRetryOptions? Retry = null,
    TimeSpan? PendingPaymentWait = null,
    int MaxRounds = 120,
    int Round = 0);
