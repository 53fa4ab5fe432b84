namespace Clinic.Billing.Workflows.Contracts;

public enum GatewayAnswerKind
{
    Approved,
    Declined,

    /// <summary>The provider's circuit breaker is open: nothing was sent, wait before trying again.</summary>
    CircuitOpen,
}
