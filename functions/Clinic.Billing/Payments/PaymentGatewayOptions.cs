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

    /// <summary>
    /// <c>Stripe</c>, or <c>Simulated</c> for development. There is no default: an app that forgot the setting
    /// must not start taking pretend payments.
    /// </summary>
    public string? Gateway { get; set; }

    public StripeGatewayOptions Stripe { get; set; } = new();
}
