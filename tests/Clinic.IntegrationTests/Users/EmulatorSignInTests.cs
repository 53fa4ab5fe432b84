using System.Net;
using Clinic.IntegrationTests.Infrastructure;

namespace Clinic.IntegrationTests.Users;

/// <summary>
/// Sign-in through the Static Web Apps CLI emulator, the path a person takes locally: its auth cookie becomes
/// the <c>x-ms-client-principal</c> header of calls to <c>/api</c>. Roles typed into the mock form grant
/// nothing by themselves; the users table decides, as in Azure.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmulatorSignInTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningLocalHost _host = null!;
    private StaticWebAppsEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningLocalHost.StartAsync(azurite.Azurite);
        _emulator = await StaticWebAppsEmulator.StartAsync(_host.Client.BaseAddress!);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("demo-admin", "admin")]
    [InlineData("demo-doctor-amelia-hart", "doctor")]
    [InlineData("demo-patient", "patient")]
    public async Task SignedInThroughTheEmulator_theApiConfirmsTheAssignedRole(string userId, string role)
    {
        using var client = _emulator.SignedInClient(userId, role);

        var response = await client.GetAsync("/api/me/access");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var roles = (await response.JsonAsync())
            .GetProperty("roles")
            .EnumerateArray()
            .Select(r => r.GetString());
        Assert.Contains(role, roles);
    }

    [Fact]
    public async Task RolesTypedIntoTheMockForm_grantNothingWithoutAnAssignment()
    {
        using var client = _emulator.SignedInClient("typed-my-way-in", "admin", "doctor");

        var admin = await client.GetAsync("/api/admin/users");
        var access = await (await client.GetAsync("/api/me/access")).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(["patient"], access.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task NotSignedIn_protectedApiRoutesAreRefusedAndTheMockFormIsOffered()
    {
        using var anonymous = new HttpClient { BaseAddress = _emulator.Address };

        var profile = await anonymous.GetAsync("/api/me/profile");
        var form = await anonymous.GetAsync("/.auth/login/aad");
        var doctors = await anonymous.GetAsync("/api/doctors");

        Assert.Equal(HttpStatusCode.Unauthorized, profile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Authentication", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, doctors.StatusCode);
    }
}
