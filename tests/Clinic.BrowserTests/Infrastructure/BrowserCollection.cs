namespace Clinic.BrowserTests.Infrastructure;

/// <summary>
/// All browser tests share one stack and one browser and run one after another: on a 2-core machine the
/// browser, Azurite, the host and the emulator already keep both cores busy.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ClinicSite>
{
    public const string Name = "Browser";
}
