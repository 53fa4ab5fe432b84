using Clinic.Platform.Privacy;

namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// What <see cref="CancellationSettlementOrchestrator"/> is started with when an appointment is cancelled.
/// <see cref="Round"/> counts the waits for a payment in flight; each wait continues as a new generation.
/// <see cref="PatientId"/> and <see cref="DoctorId"/> let a cancellation that overtook its booking's invoice
/// record that invoice void; settlements started without them (before they were passed) cannot.
/// </summary>
public sealed record SettlementInput(
    string AppointmentId,
    GatewayRetryOptions? Retry = null,
    TimeSpan? PendingPaymentWait = null,
    int MaxRounds = 120,
    int Round = 0,
    [property: PersonId] string? PatientId = null,
    string? DoctorId = null);
