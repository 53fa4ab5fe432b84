using Clinic.Billing.Application;
using Clinic.Billing.DemoData;
using Clinic.Billing.Logging;
using Clinic.Billing.Payments;
using Clinic.Billing.Storage;
using Clinic.Platform.Resilience;
using Clinic.Platform.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace Clinic.Billing;

public static class BillingServiceCollectionExtensions
{
    /// <summary>The resilience pipeline (and <c>Resilience:</c> section) of the payment provider.</summary>
    public const string PaymentGatewayPipeline = "PaymentGateway";

    /// <summary>
    /// The key of the provider's own adapter (simulated or Stripe), a keyed <see cref="IPaymentGateway"/>
    /// without the breaker; the <see cref="IPaymentGateway"/> that billing uses is that adapter behind it.
    /// </summary>
    public const string PaymentProviderKey = "PaymentProvider";

    public const string GatewayRequirement =
        "Set Billing:Gateway to Simulated or Stripe; Stripe needs Billing:Stripe:SecretKey.";

    /// <summary>
    /// Registers the billing module: invoices and fees on Azure Tables (needs the platform's
    /// <c>TableClientProvider</c>), the payment gateway that <c>Billing:Gateway</c> names behind a circuit
    /// breaker and a timeout (<c>Resilience:PaymentGateway</c> section), encrypted billing logs
    /// (<c>BillingLogs</c> section). Nothing of billing is cached, on purpose: amounts and states are read
    /// from storage every time.
    /// </summary>
    public static IServiceCollection AddBilling(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PaymentGatewayOptions>()
            .Bind(configuration.GetSection(PaymentGatewayOptions.SectionName))
            .Validate(HasUsableGateway, GatewayRequirement)
            .ValidateOnStart();
        services.AddBillingLogEncryption(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IFeeStore, TableFeeStore>();
        services.AddSingleton<IInvoiceStore, TableInvoiceStore>();
        AddPaymentGateway(services, configuration);
        services.AddSingleton<BillingEventLog>();
        services.AddSingleton<InvoiceService>();
        services.AddSingleton<DemoFeeSeeder>();
        return services;
    }

    private static bool HasUsableGateway(PaymentGatewayOptions options) => options.Gateway switch
    {
        PaymentGatewayOptions.SimulatedGateway => true,
        PaymentGatewayOptions.StripeGateway => !string.IsNullOrWhiteSpace(options.Stripe.SecretKey),
        _ => false,
    };

    /// <summary>
    /// The provider's adapter behind the breaker, for every adapter alike. No retries in the pipeline: the
    /// workflows' durable RetryPolicy is the one retry layer (docs/billing.md).
    /// </summary>
    private static void AddPaymentGateway(IServiceCollection services, IConfiguration configuration)
    {
        var settings = new DependencyResilienceOptions { MaxRetryAttempts = 0 }
            .BindSection(configuration, PaymentGatewayPipeline);
        services.AddDependencyResilience(
            PaymentGatewayPipeline, settings, exception => exception is TransientPaymentException);
        // By its own type as well, so that local runs and tests can read its counters; resolved only if chosen.
        services.AddSingleton<SimulatedPaymentGateway>();
        services.AddKeyedSingleton(PaymentProviderKey, (provider, _) => CreateProviderGateway(provider));
        services.AddSingleton<IPaymentGateway>(provider => new ResilientPaymentGateway(
            provider.GetRequiredKeyedService<IPaymentGateway>(PaymentProviderKey),
            provider.GetRequiredService<ResiliencePipelineProvider<string>>()
                .GetPipeline<int>(PaymentGatewayPipeline),
            settings.AttemptTimeout));
    }

    private static IPaymentGateway CreateProviderGateway(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<PaymentGatewayOptions>>().Value;
        if (options.Gateway != PaymentGatewayOptions.StripeGateway)
            return provider.GetRequiredService<SimulatedPaymentGateway>();

        // The gateway's timeout bounds each call; HttpClient's own must not cut it short.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var httpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return new StripePaymentGateway(options.Stripe, httpClient);
    }
}
