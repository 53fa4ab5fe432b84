using System.Diagnostics;
using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Hosting;

/// <summary>
/// With storage down, requests fail fast with 503 and Retry-After, nothing is half written, and service
/// resumes by itself when storage returns. Uses an Azurite of its own, kept on disk across the outage.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private AzuriteProcess _azurite = null!;
    private RunningLocalHost _host = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(persistent: true);
        _host = await RunningLocalHost.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["Resilience:Storage:BreakDuration"] = "00:00:02",
            ["Cache:Enabled"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task StorageDown_requestsFailFastWith503_andServiceResumesWhenItReturns()
    {
        var slot = (await FutureSlots.FindAsync(_host.Client, Doctor, weeksAhead: 2))[0];
        await _azurite.StopAsync();

        var during = new List<HttpResponseMessage>();
        var watch = Stopwatch.StartNew();
        while (!CircuitOpened() && during.Count < 40)
            during.Add(await _host.Client.SendAsync(Book(slot, "outage-patient")));
        var lastCall = Stopwatch.StartNew();
        var fastFailure = await _host.Client.SendAsync(Book(slot, "outage-patient"));
        lastCall.Stop();
        watch.Stop();

        Assert.True(CircuitOpened(), "the storage circuit did not open");
        Assert.All(during.Append(fastFailure), response =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        });
        Assert.True(
            lastCall.Elapsed < TimeSpan.FromMilliseconds(250),
            $"open circuit answered in {lastCall.Elapsed}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"outage answers took {watch.Elapsed}");

        await _azurite.RestartAsync();
        var recovered = await WaitForAsync(async () =>
            (await _host.Client.SendAsync(Get("/api/me/appointments").As("outage-patient"))).StatusCode
                == HttpStatusCode.OK);
        var mine = await (await _host.Client.SendAsync(Get("/api/me/appointments").As("outage-patient")))
            .JsonAsync();
        var booked = await _host.Client.SendAsync(Book(slot, "outage-patient"));

        Assert.True(recovered, "the service did not resume within 20 s of storage returning");
        Assert.Empty(mine.GetProperty("appointments").EnumerateArray());
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
    }

    [Fact]
    public async Task CircuitOpened_raisesAnAlertThatAdminsSeeAndAcknowledge()
    {
        await _azurite.StopAsync();
        for (var i = 0; i < 40 && !CircuitOpened(); i++)
            await _host.Client.SendAsync(Get("/api/me/appointments").As("outage-patient"));
        await _azurite.RestartAsync();

        string? alertId = null;
        var listed = await WaitForAsync(async () =>
        {
            var response = await _host.Client.SendAsync(Get("/api/admin/alerts").As("demo-admin"));
            if (response.StatusCode != HttpStatusCode.OK)
                return false;
            alertId = (await response.JsonAsync()).GetProperty("alerts").EnumerateArray()
                .Where(a => a.GetProperty("eventName").GetString() == "CircuitOpened")
                .Select(a => a.GetProperty("id").GetString())
                .FirstOrDefault();
            return alertId is not null;
        });
        var acknowledged = await _host.Client.SendAsync(
            Post($"/api/admin/alerts/{alertId}/acknowledge", new { }).As("demo-admin"));
        var byPatient = await _host.Client.SendAsync(Get("/api/admin/alerts").As("outage-patient", "admin"));

        Assert.True(listed, "the CircuitOpened alert was not listed within 20 s");
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var alert = await acknowledged.JsonAsync();
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.StartsWith("u_", alert.GetProperty("acknowledgedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byPatient.StatusCode);
        Assert.Contains(_host.Logs.GetSnapshot(), r => r.Id.Name == "AlertRaised");
    }

    private bool CircuitOpened() => _host.Logs.GetSnapshot().Any(record => record.Id.Name == "CircuitOpened");

    private static HttpRequestMessage Book(string start, string patient) =>
        Post("/api/appointments", new { doctorId = Doctor, start }).As(patient);

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await Task.Delay(500);
        }

        return false;
    }
}
