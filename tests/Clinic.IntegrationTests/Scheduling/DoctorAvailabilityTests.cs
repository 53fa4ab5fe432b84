using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Scheduling;

/// <summary>
/// A doctor edits their availability and profile through the real local host, cache on: slot searches and the
/// doctor list follow at once on this instance, concurrent edits never lose one another, and booked
/// appointments stay as they were.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DoctorAvailabilityTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private const string Account = FutureSlots.ParisDoctorAccount;
    private const string Availability = $"/api/doctors/{Doctor}/availability";
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, string> BadBodies => new()
    {
        // route, JSON body, field named in errors
        { "availability", "{}", "timeZone" },
        { "availability", Body("\"Mars/Olympus_Mons\"", "30", "[]", "[]"), "timeZone" },
        { "availability", Body("\"Europe/Paris\"", "\"30\"", "[]", "[]"), "slotMinutes" },
        { "availability", Body("\"Europe/Paris\"", "1000", "[]", "[]"), "slotMinutes" },
        { "availability", Body("\"Europe/Paris\"", "20", "[]", "[]"), "slotMinutes" },
        { "availability", Body("\"Europe/Berlin\"", "30", "[]", "[]"), "timeZone" },
        { "availability", Body("\"Europe/Paris\"", "30", Period("\"Monday\"", "09:10", "12:00"), "[]"),
            "weeklyAvailability[0].start" },
        { "availability", Body("\"Europe/Paris\"", "30", Period("\"Lundi\"", "09:00", "12:00"), "[]"),
            "weeklyAvailability[0].day" },
        { "availability", Body("\"Europe/Paris\"", "30", Period("\"Monday\"", "09:00", "25:00"), "[]"),
            "weeklyAvailability[0].end" },
        { "availability", Body("\"Europe/Paris\"", "30", Period("\"Monday\"", "12:00", "09:00"), "[]"),
            "weeklyAvailability[0].end" },
        { "availability", Body("\"Europe/Paris\"", "30",
            "[{\"day\":\"Monday\",\"start\":\"09:00\",\"end\":\"12:00\"},"
            + "{\"day\":\"Monday\",\"start\":\"11:00\",\"end\":\"13:00\"}]", "[]"),
            "weeklyAvailability[1].start" },
        { "availability", Body("\"Europe/Paris\"", "30", "[]", "[\"9999-12-31\"]"), "daysOff[0]" },
        { "availability", Body("\"Europe/Paris\"", "30", "[]", "[\"2027-02-30\"]"), "daysOff[0]" },
        { "availability", Body("\"Europe/Paris\"", "30", "[]", "[]").Replace("}", ",\"extra\":1}"), "body" },
        { "availability", Body("\"Europe/Paris\"", "30",
            "[{\"day\":\"Monday\",\"start\":\"09:00\",\"end\":\"12:00\",\"room\":4}]", "[]"),
            "weeklyAvailability" },
        { "profile", "{\"displayName\":\"\",\"specialty\":\"Paediatrics\"}", "displayName" },
        { "profile", "{\"displayName\":\"Dr. A\\u0000B\",\"specialty\":\"Paediatrics\"}", "displayName" },
        { "profile", "{\"displayName\":\"Dr. Claire Dubois\"}", "specialty" },
        { "profile", "{\"displayName\":\"Dr. Claire Dubois\",\"specialty\":\"x\",\"zone\":1}", "body" },
    };

    [Fact]
    public async Task GetAvailability_ownDoctor_answersTheRulesWithAnETagAndNoStore()
    {
        var response = await Client.SendAsync(Get(Availability).As(Account));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"v1\"", response.Headers.ETag!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var body = await response.JsonAsync();
        Assert.Equal("Europe/Paris", body.GetProperty("timeZone").GetString());
        Assert.Equal(30, body.GetProperty("slotMinutes").GetInt32());
        var first = body.GetProperty("weeklyAvailability")[0];
        Assert.Equal("Monday", first.GetProperty("day").GetString());
        Assert.Equal("08:30", first.GetProperty("start").GetString());
        Assert.Equal(0, body.GetProperty("daysOff").GetArrayLength());
    }

    [Fact]
    public async Task UpdateAvailability_dayOffAddedThenRemoved_slotsOfThatDayFollowAtOnce()
    {
        var day = (await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 2))[0][..10];
        var before = await SlotsOnAsync(day);

        var added = await Client.SendAsync(
            Put(Availability, DoctorRules.Paris(day)).As(Account).IfMatch("\"v1\""));
        var during = await SlotsOnAsync(day);
        var removed = await Client.SendAsync(Put(Availability, DoctorRules.Paris()).As(Account));
        var after = await SlotsOnAsync(day);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("\"v2\"", added.Headers.ETag!.ToString());
        Assert.Equal(day, (await added.JsonAsync()).GetProperty("daysOff")[0].GetString());
        Assert.NotEmpty(before);
        Assert.Empty(during);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task UpdateAvailability_staleIfMatch_isPreconditionFailedAndChangesNothing()
    {
        await Client.SendAsync(Put(Availability, DoctorRules.ParisUntil("16:30")).As(Account).IfMatch("\"v1\""));

        var stale = await Client.SendAsync(
            Put(Availability, DoctorRules.ParisUntil("15:30")).As(Account).IfMatch("\"v1\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        var problem = await stale.JsonAsync();
        Assert.Equal("/problems/availability-changed", problem.GetProperty("type").GetString());
        Assert.Equal("16:30", AfternoonEnd(await ReadAsync()));
    }

    [Fact]
    public async Task UpdateAvailability_twoWritersWithTheSameIfMatch_exactlyOneWins()
    {
        var etag = (await Client.SendAsync(Get(Availability).As(Account))).Headers.ETag!.ToString();

        var responses = await Task.WhenAll(
            Client.SendAsync(Put(Availability, DoctorRules.ParisUntil("16:30")).As(Account).IfMatch(etag)),
            Client.SendAsync(Put(Availability, DoctorRules.ParisUntil("15:30")).As("demo-admin").IfMatch(etag)));

        var winner = Assert.Single(responses, response => response.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.PreconditionFailed);
        Assert.Equal(AfternoonEnd(await winner.JsonAsync()), AfternoonEnd(await ReadAsync()));
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Update_badBody_isBadRequestNamingTheFieldAndChangesNothing(
        string route, string body, string field)
    {
        using var request = PutRaw($"/api/doctors/{Doctor}/{route}", body).As(Account);

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("/problems/validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var current = await Client.SendAsync(Get(Availability).As(Account));
        Assert.Equal("\"v1\"", current.Headers.ETag!.ToString());
        Assert.Contains(await ListedNamesAsync(), name => name == "Dr. Claire Dubois");
    }

    [Fact]
    public async Task UpdateAvailability_dayOffOverABookedAppointment_keepsTheAppointment()
    {
        var start = (await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 3))[0];
        var booked = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start }).As("patient-kept"));
        var id = (await booked.JsonAsync()).GetProperty("id").GetString()!;

        var changed = await Client.SendAsync(Put(Availability, DoctorRules.Paris(start[..10])).As(Account));
        var appointment = await Client.SendAsync(Get($"/api/appointments/{id}").As("patient-kept"));
        var day = await Client.SendAsync(
            Get($"/api/doctors/{Doctor}/appointments?date={start[..10]}").As(Account));
        var cancelled = await Client.SendAsync(
            Post($"/api/appointments/{id}/cancel", new { }).As("patient-kept"));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var kept = await appointment.JsonAsync();
        Assert.Equal("booked", kept.GetProperty("status").GetString());
        Assert.Equal(start, kept.GetProperty("startUtc").GetString());
        Assert.Equal(id, (await day.JsonAsync()).GetProperty("appointments")[0].GetProperty("appointmentId")
            .GetString());
        Assert.Empty(await SlotsOnAsync(start[..10]));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    [Fact]
    public async Task UpdateProfile_newName_doctorListShowsItAtOnce()
    {
        var before = await ListedNamesAsync();

        var response = await Client.SendAsync(Put($"/api/doctors/{Doctor}/profile",
            new { displayName = "  Dr. Claire Dubois-Martin ", specialty = "Neonatology" }).As(Account));
        var after = await ListedNamesAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Dr. Claire Dubois-Martin", body.GetProperty("displayName").GetString());
        Assert.Equal("Europe/Paris", body.GetProperty("timeZone").GetString());
        Assert.Contains("Dr. Claire Dubois", before);
        Assert.Contains("Dr. Claire Dubois-Martin", after);
        Assert.DoesNotContain("Dr. Claire Dubois", after);
        var availability = await Client.SendAsync(Get(Availability).As(Account));
        Assert.Equal("\"v1\"", availability.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Book_dayOffAddedOnAnotherInstance_isRefusedAlthoughThisOneCachedTheOldRules()
    {
        var tables = "t" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?> { ["Storage:TablePrefix"] = tables };
        await using var booking = await RunningLocalHost.StartAsync(azurite.Azurite, settings);
        await using var editing = await RunningLocalHost.StartAsync(azurite.Azurite, settings);
        var start = (await FutureSlots.FindAsync(booking.Client, Doctor, weeksAhead: 4))[0];

        var dayOff = await editing.Client.SendAsync(
            Put(Availability, DoctorRules.Paris(start[..10])).As(Account));
        var stillCached = await FutureSlots.FindAsync(booking.Client, Doctor, weeksAhead: 4);
        var booked = await booking.Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start }).As("patient-on-a-day-off"));

        // The booking instance's slot list is up to its cache's expiration behind; its booking is not.
        Assert.Equal(HttpStatusCode.OK, dayOff.StatusCode);
        Assert.Contains(start, stillCached);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, booked.StatusCode);
        Assert.Equal("/problems/slot-not-offered", (await booked.JsonAsync()).GetProperty("type").GetString());
    }

    private static string AfternoonEnd(System.Text.Json.JsonElement availability) =>
        availability.GetProperty("weeklyAvailability").EnumerateArray().Last().GetProperty("end").GetString()!;

    private async Task<List<string>> SlotsOnAsync(string day)
    {
        var response = await Client.GetAsync($"/api/doctors/{Doctor}/slots?from={day}&to={day}");
        return FutureSlots.Starts(await response.JsonAsync()).ToList();
    }

    private async Task<System.Text.Json.JsonElement> ReadAsync() =>
        await (await Client.SendAsync(Get(Availability).As(Account))).JsonAsync();

    private async Task<List<string>> ListedNamesAsync()
    {
        var response = await Client.GetAsync("/api/doctors");
        return (await response.JsonAsync()).GetProperty("doctors").EnumerateArray()
            .Select(doctor => doctor.GetProperty("displayName").GetString()!)
            .ToList();
    }

    private static HttpRequestMessage PutRaw(string path, string body) =>
        new(HttpMethod.Put, path)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };

    private static string Body(string zone, string slotMinutes, string periods, string daysOff) =>
        $"{{\"timeZone\":{zone},\"slotMinutes\":{slotMinutes},\"weeklyAvailability\":{periods},"
        + $"\"daysOff\":{daysOff}}}";

    private static string Period(string day, string start, string end) =>
        $"[{{\"day\":{day},\"start\":\"{start}\",\"end\":\"{end}\"}}]";
}
