using System.Net;
using System.Net.Http.Headers;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Caching;

/// <summary>
/// Public read-only lists carry a short max-age and an ETag, and answer 304 to a matching If-None-Match;
/// the doctor's day is personal and is sent with no-store, as is every error.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpCachingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListDoctors_withItsETag_answers304WithoutABody()
    {
        var first = await Client.GetAsync("/api/doctors");
        var etag = first.Headers.ETag!;

        var second = await Client.SendAsync(Conditional("/api/doctors", etag));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=10", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Slots_afterABooking_oldETagNoLongerMatches()
    {
        var path = SlotsPath(weeksAhead: 6);
        var first = await Client.GetAsync(path);
        var etag = first.Headers.ETag!;
        var unchanged = await Client.SendAsync(Conditional(path, etag));
        var slot = FutureSlots.Starts(await first.JsonAsync()).First();

        await Client.SendAsync(Post("/api/appointments", new { doctorId = Doctor, start = slot }).As("etag-patient"));
        var changed = await Client.SendAsync(Conditional(path, etag));

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.DoesNotContain(slot, FutureSlots.Starts(await changed.JsonAsync()));
    }

    [Fact]
    public async Task DoctorDay_isPersonal_noStoreAndNoETag()
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);

        var response = await Client.SendAsync(Get($"/api/doctors/{Doctor}/appointments?date={date:yyyy-MM-dd}")
            .As(FutureSlots.ParisDoctorAccount, "doctor"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData("PUT", "/api/me/profile", "cache-error-patient", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/appointments/0123456789abcdef0123456789abcdef", "cache-error-patient",
        HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/admin/users", "cache-error-patient", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/me/profile", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/doctors/dr-claire-dubois/slots?from=soon&to=later", null, HttpStatusCode.BadRequest)]
    public async Task Problem_onAnyRoute_isSentWithNoStore(
        string method, string path, string? user, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
            request.Content = new StringContent("""{"phone":"not a phone"}""", null, "application/json");

        var response = await Client.SendAsync(user is null ? request : request.As(user));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    private static string SlotsPath(int weeksAhead)
    {
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7 * weeksAhead);
        return $"/api/doctors/{Doctor}/slots?from={from:yyyy-MM-dd}&to={from.AddDays(6):yyyy-MM-dd}";
    }

    private static HttpRequestMessage Conditional(string path, EntityTagHeaderValue etag)
    {
        var request = Get(path);
        request.Headers.IfNoneMatch.Add(etag);
        return request;
    }
}
