using Clinic.Platform.Privacy;

namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// One charge; <paramref name="GatewayKey"/> is the same on every retry, so the provider charges once.
/// </summary>
public sealed record ChargeInput(
    string PatientId, string InvoiceId, [property: PaymentData] string PaymentToken, string GatewayKey);
