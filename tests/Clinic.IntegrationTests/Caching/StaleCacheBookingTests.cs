using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Caching;

/// <summary>
/// Two instances over the same tables, each with only its own memory cache. A slot booked on one is still shown
/// free by the other's cached search, but booking it there is refused: storage decides, never the cache.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaleCacheBookingTests(AzuriteFixture azurite)
{
    private const string Doctor = FutureSlots.ParisDoctor;

    [Fact]
    public async Task SlotBookedOnAnotherInstance_shownFreeByThisInstancesCache_isRefusedAndThenShownTaken()
    {
        var tables = "t" + Guid.NewGuid().ToString("N")[..10];
        await using var first = await StartAsync(tables);
        await using var second = await StartAsync(tables);
        var slot = (await FutureSlots.FindAsync(second.Client, Doctor, weeksAhead: 5))[0];

        var booked = await first.Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = slot }).As("stale-cache-patient-1"));
        var shownFree = (await FutureSlots.FindAsync(second.Client, Doctor, weeksAhead: 5)).Contains(slot);
        var doubleBooked = await second.Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = slot }).As("stale-cache-patient-2"));
        var afterRefusal = await FutureSlots.FindAsync(second.Client, Doctor, weeksAhead: 5);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.True(shownFree, "the second instance should still serve its cached copy of the day");
        Assert.Equal(HttpStatusCode.Conflict, doubleBooked.StatusCode);
        Assert.Equal("/problems/slot-taken", (await doubleBooked.JsonAsync()).GetProperty("type").GetString());
        Assert.DoesNotContain(slot, afterRefusal);
    }

    // A long expiration, so that nothing but the refused booking can make the second instance drop its copy.
    private Task<RunningLocalHost> StartAsync(string tables) => RunningLocalHost.StartAsync(
        azurite.Azurite,
        new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = tables,
            ["Cache:Expiration"] = "00:05:00",
        });
}
