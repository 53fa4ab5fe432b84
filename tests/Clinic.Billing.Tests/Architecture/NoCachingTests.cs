using System.Reflection;
using Clinic.Billing.Application;
using Clinic.Billing.Workflows;
using Clinic.Functions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace Clinic.Billing.Tests.Architecture;

/// <summary>
/// Billing is never cached: an amount or a payment state served from a cache could charge or refund on stale
/// data. No type of billing (the module, its workflows, its functions in the app) may depend on a caching API,
/// and the module registers no cache.
/// </summary>
public sealed class NoCachingTests
{
    /// <summary>
    /// Namespaces of caching APIs: HybridCache, IMemoryCache and IDistributedCache (Microsoft.Extensions.Caching),
    /// the older MemoryCache, ASP.NET Core's output and response caches, and scheduling's own cache.
    /// </summary>
    private static readonly string[] CachingNamespaces =
    [
        "Microsoft.Extensions.Caching",
        "System.Runtime.Caching",
        "Microsoft.AspNetCore.OutputCaching",
        "Microsoft.AspNetCore.ResponseCaching",
        "Clinic.Scheduling.Caching",
    ];

    public static TheoryData<string> BillingScopes { get; } =
        ["Clinic.Billing", "Clinic.Billing.Workflows", "Clinic.Functions.Billing"];

    [Theory]
    [MemberData(nameof(BillingScopes))]
    public void BillingTypes_dependOnNoCachingNamespace(string scope)
    {
        var selected = TypesOf(scope).GetTypes();

        var result = TypesOf(scope).ShouldNot().HaveDependencyOnAny(CachingNamespaces).GetResult();

        Assert.NotEmpty(selected);
        Assert.True(result.IsSuccessful,
            "Depend on caching: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Theory]
    [InlineData("Clinic.Billing")]
    [InlineData("Clinic.Billing.Workflows")]
    public void BillingAssembly_referencesNoCachingAssembly(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);

        var references = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.NotEmpty(references);
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

    /// <summary>The types of one part of billing; billing's functions share the app's assembly.</summary>
    private static PredicateList TypesOf(string scope) => scope switch
    {
        "Clinic.Billing" => Types.InAssembly(typeof(InvoiceService).Assembly).That().ResideInNamespace(scope),
        "Clinic.Billing.Workflows" => Types.InAssembly(typeof(PaymentOrchestrator).Assembly).That()
            .ResideInNamespace(scope),
        _ => Types.InAssembly(typeof(ClinicModules).Assembly).That().ResideInNamespace(scope),
    };

    private static bool IsCache(Type type) =>
        CachingNamespaces.Any(ns => type.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true)
        || type.Name is "HybridCache" or "IMemoryCache" or "IDistributedCache" or "IOutputCacheStore";
}
