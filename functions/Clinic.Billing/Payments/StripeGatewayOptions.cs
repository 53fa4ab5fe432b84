namespace Clinic.Billing.Payments;

/// <summary>The Stripe account billing charges through.</summary>
public sealed class StripeGatewayOptions
{
    /// <summary>The secret key (<c>sk_live_…</c> or <c>sk_test_…</c>), from Key Vault in Azure.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Stripe's API address; tests point it at a local stand-in.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");
}
