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

    public const string GatewayRequirement =
        "Set Billing:Gateway to Simulated or Stripe; Stripe needs Billing:Stripe:SecretKey.";

    /// <summary>
    /// Registers the billing module: invoices and fees on Azure Tables (needs the platform's
    /// <c>TableClientProvider</c>), the payment gateway that <c>Billing:Gateway</c> names, encrypted billing
    /// logs (<c>BillingLogs</c> section). Nothing of billing is cached, on purpose: amounts and states are
    /// read from storage every time.
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
        services.AddDependencyResilience(PaymentGatewayPipeline, configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IFeeStore, TableFeeStore>();
        services.AddSingleton<IInvoiceStore, TableInvoiceStore>();
        services.AddSingleton(provider => CreateGateway(provider, configuration));
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

    private static IPaymentGateway CreateGateway(IServiceProvider provider, IConfiguration configuration)
    {
        var options = provider.GetRequiredService<IOptions<PaymentGatewayOptions>>().Value;
        if (options.Gateway != PaymentGatewayOptions.StripeGateway)
            return new SimulatedPaymentGateway();

        var settings = new DependencyResilienceOptions();
        configuration.GetSection($"{DependencyResilienceOptions.SectionName}:{PaymentGatewayPipeline}")
            .Bind(settings);
        var pipeline = provider.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline<int>(PaymentGatewayPipeline);

        // The pipeline bounds the whole call; HttpClient's own timeout must not cut it short.
        var handler = new ResilientPaymentHandler(pipeline, settings.AttemptTimeout)
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        var httpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return new StripePaymentGateway(options.Stripe, httpClient);
    }
}
