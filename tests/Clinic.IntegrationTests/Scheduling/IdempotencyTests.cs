using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Scheduling;

[Collection(AzuriteCollection.Name)]
public sealed class IdempotencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Book_retriedWithSameKey_returnsTheSameAppointmentOnce()
    {
        var slot = (await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 2))[0];

        var first = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = slot }, "key-1").As("retrier"));
        var retry = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = slot }, "key-1").As("retrier"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single(await MineAsync("retrier"));
    }

    [Fact]
    public async Task Book_sameKeySentInParallel_booksOneAppointment()
    {
        var slot = (await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 3))[0];

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = slot }, "key-parallel").As("eager"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Single(await MineAsync("eager"));
    }

    [Fact]
    public async Task Book_sameKeyForAnotherSlot_isRefused()
    {
        var free = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 4);
        await Client.SendAsync(Post("/api/appointments", new { doctorId = Doctor, start = free[0] }, "key-2")
            .As("reuser"));

        var reused = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = free[1] }, "key-2").As("reuser"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(
            "/problems/idempotency-key-reused", (await reused.JsonAsync()).GetProperty("type").GetString());
        Assert.Single(await MineAsync("reuser"));
    }

    private async Task<List<string>> MineAsync(string patient)
    {
        var response = await Client.SendAsync(Get("/api/me/appointments").As(patient));
        return (await response.JsonAsync()).GetProperty("appointments").EnumerateArray()
            .Select(a => a.GetProperty("id").GetString()!)
            .ToList();
    }
}
