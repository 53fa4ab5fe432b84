namespace Clinic.LocalHost.Tests.Infrastructure;

/// <summary>
/// The tests that run hosts against Azurite. They run one after another: timer tests count runs per second,
/// and a two-core machine running hosts side by side would make those counts a matter of luck.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
