using Polly.CircuitBreaker;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>Recognises the provider's open circuit, thrown alone or wrapped in a transient payment failure.</summary>
internal static class GatewayCircuit
{
    public static bool IsOpen(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BrokenCircuitException)
                return true;
        }

        return false;
    }
}
