using AzuriteProcess = Clinic.IntegrationTests.Infrastructure.AzuriteProcess;
namespace Clinic.LocalHost.Tests.Infrastructure;

/// <summary>One Azurite for the whole test run; each test host uses queues with names of its own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite =>
        _azurite ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
            await _azurite.DisposeAsync();
    }
}
