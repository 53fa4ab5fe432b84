namespace Clinic.Billing.Payments;

/// <summary>
/// Which payment provider billing uses (<c>Billing:Gateway</c>) and how to reach Stripe
/// (<c>Billing:Stripe:SecretKey</c>, <c>Billing:Stripe:ApiBase</c>).
/// </summary>
public sealed class PaymentGatewayOptions
{
    public const string SectionName = "Billing";
    public const string SimulatedGateway = "Simulated";
    public const string StripeGateway = "Stripe";

    /// <summary><c>Simulated</c> (the default, for development) or <c>Stripe</c>.</summary>
    public string Gateway { get; set; } = SimulatedGateway;

    public StripeGatewayOptions Stripe { get; set; } = new();
}
