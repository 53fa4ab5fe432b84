using System.Diagnostics;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Caching;

/// <summary>
/// Two instances of the app over the same tables and one real Redis as the cache's second level: a booking on
/// one is seen by the other within the short local expiration, while an instance without the second level
/// keeps showing the slot free for its whole expiration.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RedisSecondLevelTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private static readonly TimeSpan LocalExpiration = TimeSpan.FromSeconds(2);

    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task BookingOnOneInstance_otherInstanceWithRedis_seesItWithinTheLocalExpirationOnly()
    {
        var tables = "t" + Guid.NewGuid().ToString("N")[..10];
        await using var writer = await StartAsync(tables, withRedis: true);
        await using var reader = await StartAsync(tables, withRedis: true);
        await using var memoryOnly = await StartAsync(tables, withRedis: false);
        var slot = (await FutureSlots.FindAsync(reader.Client, Doctor, weeksAhead: 2))[0];
        await FutureSlots.FindAsync(memoryOnly.Client, Doctor, weeksAhead: 2);
        var sharedEntries = await SharedDayEntriesAsync();

        var booked = await writer.Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = slot }).As("redis-patient"));
        var since = Stopwatch.StartNew();
        var seenAfter = await WaitUntilTakenAsync(reader.Client, slot, since);
        var memoryOnlyStillFree = (await FutureSlots.FindAsync(memoryOnly.Client, Doctor, 2)).Contains(slot);

        Assert.Equal(System.Net.HttpStatusCode.Created, booked.StatusCode);
        Assert.NotEmpty(sharedEntries);
        Assert.NotNull(seenAfter);
        Assert.InRange(seenAfter.Value, TimeSpan.Zero, LocalExpiration + TimeSpan.FromSeconds(2));
        Assert.True(memoryOnlyStillFree, "the instance without Redis should still serve its own copy");
    }

    [Fact]
    public async Task RedisDown_bookingsAndSearchesGoOn_andSkipRedisOnceItsCircuitOpens()
    {
        var tables = "t" + Guid.NewGuid().ToString("N")[..10];
        await using var host = await StartAsync(tables, withRedis: true);
        var slots = await FutureSlots.FindAsync(host.Client, Doctor, weeksAhead: 3);

        await _redis.DisposeAsync();
        var rounds = new List<(System.Net.HttpStatusCode Booked, bool StillFree, TimeSpan Took)>();
        for (var i = 0; i < 8; i++)
        {
            var watch = Stopwatch.StartNew();
            var booked = await host.Client.SendAsync(
                Post("/api/appointments", new { doctorId = Doctor, start = slots[i] }).As($"redis-down-{i}"));
            var after = await FutureSlots.FindAsync(host.Client, Doctor, weeksAhead: 3);
            rounds.Add((booked.StatusCode, after.Contains(slots[i]), watch.Elapsed));
        }

        // Before the circuit opens, each call to Redis waits out its timeout (0.5 s), never the client's 5 s.
        Assert.All(rounds, round => Assert.Equal(System.Net.HttpStatusCode.Created, round.Booked));
        Assert.All(rounds, round => Assert.False(round.StillFree));
        Assert.All(rounds, round => Assert.True(round.Took < TimeSpan.FromSeconds(4), $"took {round.Took}"));
        Assert.All(rounds.TakeLast(4), round => Assert.True(
            round.Took < TimeSpan.FromMilliseconds(400), $"took {round.Took} with the circuit open"));
        Assert.Single(host.Logs.GetSnapshot(), record => record.Id.Name == "CacheSecondLevelUnavailable");
    }

    private Task<RunningLocalHost> StartAsync(string tables, bool withRedis)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = tables,
            ["Cache:Expiration"] = "00:01:00",
        };
        if (withRedis)
        {
            settings["Cache:Redis:ConnectionString"] = _redis.ConnectionString;
            settings["Cache:LocalExpiration"] = LocalExpiration.ToString();
        }

        return RunningLocalHost.StartAsync(azurite.Azurite, settings);
    }

    // The day schedules the reader put into Redis: proof that the second level is in use at all.
    private async Task<List<string>> SharedDayEntriesAsync()
    {
        var keys = new List<string>();
        await foreach (var key in _redis.AdminServer.KeysAsync(pattern: $"*scheduling:day:{Doctor}:*"))
            keys.Add(key.ToString());
        return keys;
    }

    private static async Task<TimeSpan?> WaitUntilTakenAsync(HttpClient client, string slot, Stopwatch since)
    {
        while (since.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (!(await FutureSlots.FindAsync(client, Doctor, weeksAhead: 2)).Contains(slot))
                return since.Elapsed;
            await Task.Delay(100);
        }

        return null;
    }
}
