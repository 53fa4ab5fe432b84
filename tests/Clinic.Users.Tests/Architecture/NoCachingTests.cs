using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace Clinic.Users.Tests.Architecture;

/// <summary>
/// Profiles and roles are never cached, and there is no server-side session: a profile served from a cache
/// could show one person's data after they changed it, and a cached role would outlive its removal. No users
/// type may depend on a caching API, and the module registers no cache.
/// </summary>
public sealed class NoCachingTests
{
    private static readonly string[] CachingNamespaces =
        ["Microsoft.Extensions.Caching", "System.Runtime.Caching", "Microsoft.AspNetCore.Session"];

    [Fact]
    public void UsersTypes_dependOnNoCachingOrSessionNamespace()
    {
        var result = Types.InAssembly(typeof(UsersServiceCollectionExtensions).Assembly)
            .ShouldNot().HaveDependencyOnAny(CachingNamespaces)
            .GetResult();

        Assert.True(result.IsSuccessful,
            "Depend on caching: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public void UsersAssembly_referencesNoCachingAssembly()
    {
        var references = typeof(UsersServiceCollectionExtensions).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, name => name.Contains("Caching", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Session", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AddUsers_registersNoCacheAndNoSession()
    {
        var configuration = new ConfigurationBuilder().Build();

        var services = new ServiceCollection().AddUsers(configuration);

        Assert.DoesNotContain(services, descriptor => IsCache(descriptor.ServiceType)
            || (descriptor.ImplementationType is { } type && IsCache(type)));
    }

    private static bool IsCache(Type type) =>
        CachingNamespaces.Any(ns => type.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true)
        || type.Name is "HybridCache" or "IMemoryCache" or "IDistributedCache" or "ISessionStore";
}
