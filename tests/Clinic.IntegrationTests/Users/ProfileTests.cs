using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Users;

[Collection(AzuriteCollection.Name)]
public sealed class ProfileTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Patient = "profile-owner";
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UpdateProfile_validValues_areStoredNormalizedAndNeverCached()
    {
        var update = ValidProfile() with { Phone = "(202) 555-0142" };

        var saved = await Client.SendAsync(Put("/api/me/profile", update).As(Patient));
        var read = await Client.SendAsync(Get("/api/me/profile").As(Patient));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await read.JsonAsync();
        Assert.Equal("+12025550142", body.GetProperty("phone").GetString());
        Assert.Equal("fr-CA", body.GetProperty("preferredLanguage").GetString());
        Assert.True(
            body.TryGetProperty("smsConsentGivenAt", out var consentAt) && consentAt.GetString() is not null);
        Assert.Equal("no-store", read.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task UpdateProfile_badValues_getOneErrorPerFieldAndChangeNothing()
    {
        await Client.SendAsync(Put("/api/me/profile", ValidProfile()).As("careful-owner"));
        var bad = ValidProfile() with
        {
            Email = "not-an-email",
            Phone = "12345",
            PreferredLanguage = "xx-NOPE-123456789",
            TimeZone = "Mars/Olympus_Mons",
            NotificationChannels = ["email", "pigeon"],
        };

        var response = await Client.SendAsync(Put("/api/me/profile", bad).As("careful-owner"));
        var after = await (await Client.SendAsync(Get("/api/me/profile").As("careful-owner"))).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in
            new[] { "email", "phone", "preferredLanguage", "timeZone", "notificationChannels" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        Assert.DoesNotContain("Olympus", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal("America/New_York", after.GetProperty("timeZone").GetString());
    }

    private static ProfileUpdate ValidProfile() => new(
        "Fictional Patient", "fictional.patient@example.test", "+1 202-555-0141", "fr-CA", "America/New_York",
        ["email", "sms"], true);

    private sealed record ProfileUpdate(
        string DisplayName,
        string Email,
        string Phone,
        string PreferredLanguage,
        string TimeZone,
        string[] NotificationChannels,
        bool SmsConsent);
}
