using Clinic.Billing.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace Clinic.Billing.Tests.Architecture;

/// <summary>
/// Billing is never cached: an amount or a payment state served from a cache could charge or refund on stale
/// data. No billing type may depend on a caching API, and the module registers no cache.
/// </summary>
public sealed class NoCachingTests
{
    private static readonly string[] CachingNamespaces =
        ["Microsoft.Extensions.Caching", "System.Runtime.Caching"];

    [Fact]
    public void BillingTypes_dependOnNoCachingNamespace()
    {
        var result = Types.InAssembly(typeof(InvoiceService).Assembly)
            .ShouldNot().HaveDependencyOnAny(CachingNamespaces)
            .GetResult();

        Assert.True(result.IsSuccessful,
            "Depend on caching: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public void BillingAssembly_referencesNoCachingAssembly()
    {
        var references = typeof(InvoiceService).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(
            references, name => name.Contains("Caching", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AddBilling_registersNoCache()
    {
        var configuration = new ConfigurationBuilder().Build();

        var services = new ServiceCollection().AddBilling(configuration);

        Assert.DoesNotContain(services, descriptor => IsCache(descriptor.ServiceType)
            || (descriptor.ImplementationType is { } type && IsCache(type)));
    }

    private static bool IsCache(Type type) =>
        CachingNamespaces.Any(ns => type.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true)
        || type.Name is "HybridCache" or "IMemoryCache" or "IDistributedCache";
}
