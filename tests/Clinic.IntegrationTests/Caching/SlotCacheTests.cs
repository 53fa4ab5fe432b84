using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Caching;

/// <summary>
/// Slot searches come from the cache, and every booking, cancellation and reschedule is visible to the next
/// search on the same instance: the cache is invalidated right after the change commits.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlotCacheTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Booking_twentyTimesWhileOthersSearch_nextSearchNeverShowsTheSlotFree()
    {
        var free = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 3);
        using var stop = new CancellationTokenSource();
        var searchers = Enumerable.Range(0, 3).Select(_ => SearchUntilAsync(stop.Token)).ToList();
        var stillFree = new List<string>();

        for (var i = 0; i < 20; i++)
        {
            var booked = await Client.SendAsync(
                Post("/api/appointments", new { doctorId = Doctor, start = free[i] }).As($"cache-patient-{i}"));
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            if ((await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 3)).Contains(free[i]))
                stillFree.Add(free[i]);
        }

        await stop.CancelAsync();
        await Task.WhenAll(searchers);
        Assert.Empty(stillFree);
    }

    [Fact]
    public async Task Cancel_nextSearchShowsTheSlotFreeAtOnce()
    {
        var slot = (await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 4))[0];
        var id = await BookAsync(slot, "cache-cancel-patient");
        Assert.DoesNotContain(slot, await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 4));

        var cancelled = await Client.SendAsync(
            Post($"/api/appointments/{id}/cancel", new { }).As("cache-cancel-patient"));
        var after = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 4);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains(slot, after);
    }

    [Fact]
    public async Task Reschedule_nextSearchShowsTheOldSlotFreeAndTheNewOneTaken()
    {
        var free = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 5);
        var (from, to) = (free[0], free[^1]);
        var id = await BookAsync(from, "cache-move-patient");
        await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 5);

        var moved = await Client.SendAsync(
            Post($"/api/appointments/{id}/reschedule", new { start = to }).As("cache-move-patient"));
        var after = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 5);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains(from, after);
        Assert.DoesNotContain(to, after);
    }

    [Fact]
    public async Task Booking_whoseAnswerWasLostAfterItsCommit_isReplayedAndStillInvalidatesTheDay()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite.Azurite, services: services =>
            services.AddSingleton<IAppointmentStore>(provider =>
                new LostAnswerStore(provider.GetRequiredService<TableAppointmentStore>())));
        var slot = (await FutureSlots.FindAsync(host.Client, Doctor, weeksAhead: 6))[0];

        var booked = await host.Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = slot }).As("cache-lost-answer"));
        var after = await FutureSlots.FindAsync(host.Client, Doctor, weeksAhead: 6);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.DoesNotContain(slot, after);
    }

    private async Task<string> BookAsync(string start, string patient)
    {
        var booked = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start }).As(patient));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        return (await booked.JsonAsync()).GetProperty("id").GetString()!;
    }

    // Searches racing the bookings: their storage reads straddle commits, which must never leak into later
    // searches.
    private async Task SearchUntilAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
            await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 3);
    }
}
