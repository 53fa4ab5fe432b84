using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Platform.Privacy;
using Microsoft.Extensions.DependencyInjection;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Users;

/// <summary>
/// The role-assignment function, called as Static Web Apps calls its rolesSource after a sign-in.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoleAssignmentTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningLocalHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("someone-new", new[] { "patient" })]
    [InlineData("demo-doctor-amelia-hart", new[] { "doctor", "patient" })]
    [InlineData("demo-admin", new[] { "admin", "patient" })]
    public async Task AssignRoles_answersTheRolesOfTheUsersTable(string userId, string[] expected)
    {
        var response = await _host.Client.PostAsync("/api/auth/roles", Json(SignIn(userId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var roles = (await response.JsonAsync())
            .GetProperty("roles")
            .EnumerateArray()
            .Select(r => r.GetString());
        Assert.Equal(expected, roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AssignRoles_logsTheSignInWithAPseudonymOnly()
    {
        var userId = "audited-user-7f3a";
        var email = "audited.user@example.test";

        await _host.Client.PostAsync("/api/auth/roles", Json(SignIn(userId, email)));

        var signIns = _host.Logs.GetSnapshot().Where(r => r.Id.Name == "UserSignedIn").ToList();
        var line = Assert.Single(
            signIns, r => r.Message.Contains(Pseudonym(userId), StringComparison.Ordinal));
        Assert.DoesNotContain(userId, line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(
            _host.Logs.GetSnapshot(), r => r.Message.Contains(userId, StringComparison.Ordinal));
        Assert.DoesNotContain(
            _host.Logs.GetSnapshot(), r => r.Message.Contains(email, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"userId\":\"\"}")]
    [InlineData("not json")]
    public async Task AssignRoles_badBody_isAProblemNotAnError(string body)
    {
        var response = await _host.Client.SendAsync(PostRaw("/api/auth/roles", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static object SignIn(string userId, string? details = null) => new
    {
        identityProvider = "aad",
        userId,
        userDetails = details ?? $"{userId}@example.test",
        claims = new[] { new { typ = "name", val = "Fictional Person" } },
        accessToken = "opaque-token-that-must-be-ignored",
    };

    private string Pseudonym(string userId) =>
        _host.Services.GetRequiredService<Pseudonymizer>().Pseudonymize(userId);
}
