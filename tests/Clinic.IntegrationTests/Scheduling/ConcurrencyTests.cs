using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Scheduling;

[Collection(AzuriteCollection.Name)]
public sealed class ConcurrencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Book_twentyPatientsRaceForOneSlot_exactlyOneWins()
    {
        var slot = (await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 2))[0];

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Client.SendAsync(Post("/api/appointments", new { doctorId = Doctor, start = slot })
                .As($"racer-{i}"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await DayAsync(slot), a => a == slot);
    }

    [Fact]
    public async Task Reschedule_twoPatientsIntoOneSlotAtOnce_oneWinsAndTheOtherKeepsTheirSlot()
    {
        var free = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 3);
        var (slotA, slotB, target) = (free[0], free[1], free[2]);
        var idA = await BookAsync("mover-a", slotA);
        var idB = await BookAsync("mover-b", slotB);

        var responses = await Task.WhenAll(
            Client.SendAsync(Post($"/api/appointments/{idA}/reschedule", new { start = target })
                .As("mover-a")),
            Client.SendAsync(Post($"/api/appointments/{idB}/reschedule", new { start = target })
                .As("mover-b")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var held = await DayAsync(target);
        Assert.Single(held, start => start == target);
        Assert.Equal(2, held.Count(start => start == target || start == slotA || start == slotB));
    }

    private async Task<string> BookAsync(string patient, string start)
    {
        var response = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start }).As(patient));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private async Task<List<string>> DayAsync(string startUtc)
    {
        var response = await Client.SendAsync(
            Get($"/api/doctors/{Doctor}/appointments?date={startUtc[..10]}")
                .As(FutureSlots.ParisDoctorAccount, "doctor"));
        return (await response.JsonAsync()).GetProperty("appointments").EnumerateArray()
            .Select(a => a.GetProperty("startUtc").GetString()!)
            .ToList();
    }
}
