using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Users;

/// <summary>
/// Outside Development nobody vouches for the principal header at the local host, so it is ignored.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PrincipalTrustTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningLocalHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(
        azurite.Azurite,
        new Dictionary<string, string?>
        {
            ["Privacy:PseudonymKey"] = Convert.ToBase64String(new byte[32]),

            // Billing refuses to start outside Development without its Key Vault key; these tests log no
            // billing event, so the key is never called.
            ["BillingLogs:KeyVaultKeyId"] =
                "https://clinic-kv.vault.azure.net/keys/billing-logs/0123456789abcdef",
        },
        environment: "Production");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LocalHostOutsideDevelopment_ignoresThePrincipalHeader()
    {
        var response = await _host.Client.SendAsync(Get("/api/me/access").As("demo-admin", "admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task LocalHostOutsideDevelopment_stillServesAnonymousFunctions()
    {
        var response = await _host.Client.GetAsync("/api/doctors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
