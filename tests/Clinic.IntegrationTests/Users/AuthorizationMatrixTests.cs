using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Platform.Privacy;
using Microsoft.Extensions.DependencyInjection;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Users;

/// <summary>
/// Who may do what, over HTTP through the local host. Roles claimed in the principal grant nothing: the
/// users table decides, on every request.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuthorizationMatrixTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Admin = "demo-admin";
    private const string DoctorAmelia = "demo-doctor-amelia-hart";
    private const string DoctorClaire = FutureSlots.ParisDoctorAccount;
    private const string Paris = FutureSlots.ParisDoctor;
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnotherPatientsAppointment_isNotFoundForReadCancelAndReschedule()
    {
        var free = await FutureSlots.FindAsync(Client, Paris, weeksAhead: 2);
        var id = await BookAsync("patient-a", free[0]);

        var read = await Client.SendAsync(Get($"/api/appointments/{id}").As("patient-b"));
        var cancel = await Client.SendAsync(Post($"/api/appointments/{id}/cancel", new { }).As("patient-b"));
        var move = await Client.SendAsync(
            Post($"/api/appointments/{id}/reschedule", new { start = free[1] }).As("patient-b"));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        var stillMine = await Client.SendAsync(Get($"/api/appointments/{id}").As("patient-a"));
        Assert.Equal("booked", (await stillMine.JsonAsync()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(DoctorAmelia, "dr-amelia-hart", HttpStatusCode.OK)]
    [InlineData(DoctorAmelia, Paris, HttpStatusCode.Forbidden)]
    [InlineData(Admin, Paris, HttpStatusCode.OK)]
    [InlineData("demo-patient", Paris, HttpStatusCode.Forbidden)]
    public async Task DoctorsDay_isForItsDoctorAndAdminsOnly(
        string user,
        string doctor,
        HttpStatusCode expected)
    {
        var response = await Client.SendAsync(
            Get($"/api/doctors/{doctor}/appointments?date=2030-01-07").As(user, "doctor", "admin"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "availability", DoctorClaire, HttpStatusCode.OK)]
    [InlineData("GET", "availability", Admin, HttpStatusCode.OK)]
    [InlineData("GET", "availability", DoctorAmelia, HttpStatusCode.Forbidden)]
    [InlineData("GET", "availability", "demo-patient", HttpStatusCode.Forbidden)]
    [InlineData("GET", "availability", null, HttpStatusCode.Unauthorized)]
    [InlineData("PUT", "availability", DoctorClaire, HttpStatusCode.OK)]
    [InlineData("PUT", "availability", Admin, HttpStatusCode.OK)]
    [InlineData("PUT", "availability", DoctorAmelia, HttpStatusCode.Forbidden)]
    [InlineData("PUT", "availability", "demo-patient", HttpStatusCode.Forbidden)]
    [InlineData("PUT", "availability", null, HttpStatusCode.Unauthorized)]
    [InlineData("PUT", "profile", DoctorClaire, HttpStatusCode.OK)]
    [InlineData("PUT", "profile", Admin, HttpStatusCode.OK)]
    [InlineData("PUT", "profile", DoctorAmelia, HttpStatusCode.Forbidden)]
    [InlineData("PUT", "profile", "demo-patient", HttpStatusCode.Forbidden)]
    [InlineData("PUT", "profile", null, HttpStatusCode.Unauthorized)]
    public async Task DoctorsSettings_areForTheirDoctorAndAdminsOnly(
        string method, string setting, string? user, HttpStatusCode expected)
    {
        var path = $"/api/doctors/{Paris}/{setting}";
        object body = setting == "profile"
            ? new { displayName = "Dr. Claire Dubois", specialty = "Paediatrics" }
            : DoctorRules.Paris();
        using var request = (method == "GET" ? Get(path) : Put(path, body)).As(user, "doctor", "admin");

        var response = await Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("PUT", $"/api/doctors/{Paris}/availability")]
    [InlineData("GET", "/api/admin/users")]
    [InlineData("POST", "/api/admin/users/u_00000000000000000000000000000000/disable")]
    [InlineData("GET", "/api/doctors/dr-amelia-hart/appointments?date=2030-01-07")]
    public async Task ForgedPrincipal_claimingUnassignedRoles_isForbidden(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
            .As("forger", "admin", "doctor");

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OwnerFunctions_withoutPrincipal_areUnauthorized()
    {
        var paths = new[] { "/api/me/profile", "/api/me/appointments", "/api/me/access", "/api/admin/users" };

        var responses = await Task.WhenAll(paths.Select(path => Client.GetAsync(path)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
    }

    [Fact]
    public async Task DisabledUser_isRefusedEverywhere_untilEnabledAgain()
    {
        await SignInAsync("patient-to-disable");
        var free = await FutureSlots.FindAsync(Client, Paris, weeksAhead: 3);
        var id = await BookAsync("patient-to-disable", free[0]);
        var pseudonym = Pseudonym("patient-to-disable");

        var disabled = await Client.SendAsync(
            Post($"/api/admin/users/{pseudonym}/disable", new { }).As(Admin));
        var refused = await Task.WhenAll(
            Client.SendAsync(Get("/api/me/profile").As("patient-to-disable")),
            Client.SendAsync(Get($"/api/appointments/{id}").As("patient-to-disable")),
            Client.SendAsync(Post("/api/appointments", new { doctorId = Paris, start = free[1] })
                .As("patient-to-disable")));
        var enabled = await Client.SendAsync(Post($"/api/admin/users/{pseudonym}/enable", new { }).As(Admin));
        var back = await Client.SendAsync(Get($"/api/appointments/{id}").As("patient-to-disable"));

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.All(refused, response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task AssignedDoctorRole_grantsTheLinkedDoctorsDay_andRemovingItTakesItAway()
    {
        await SignInAsync("new-doctor");
        var pseudonym = Pseudonym("new-doctor");
        var day = $"/api/doctors/{Paris}/appointments?date=2030-01-07";

        var before = await Client.SendAsync(Get(day).As("new-doctor", "doctor"));
        await Client.SendAsync(
            Post($"/api/admin/users/{pseudonym}/roles", new { role = "doctor" }).As(Admin));
        var linked = await Client.SendAsync(
            Put($"/api/admin/users/{pseudonym}/doctor", new { doctorId = Paris }).As(Admin));
        var during = await Client.SendAsync(Get(day).As("new-doctor"));
        await Client.SendAsync(
            new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/users/{pseudonym}/roles/doctor")
                .As(Admin));
        var after = await Client.SendAsync(Get(day).As("new-doctor", "doctor"));

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task PatientCallingAdminFunctions_isForbidden()
    {
        var response = await Client.SendAsync(Get("/api/admin/users").As("demo-patient"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task SignInAsync(string userId)
    {
        var response = await Client.PostAsync("/api/auth/roles", Json(new
        {
            identityProvider = "aad",
            userId,
            userDetails = $"{userId}@example.test",
            claims = Array.Empty<object>(),
        }));
        response.EnsureSuccessStatusCode();
    }

    private async Task<string> BookAsync(string patient, string start)
    {
        var response = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Paris, start }).As(patient));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private string Pseudonym(string userId) =>
        _host.Services.GetRequiredService<Pseudonymizer>().Pseudonymize(userId);
}
