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
            ["Scheduling:DoctorProfileLifetime"] = "00:00:00.001",
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
        for (var i = 0; i < 8; i++)
            during.Add(await _host.Client.SendAsync(Book(slot, "outage-patient")));
        var lastCall = Stopwatch.StartNew();
        var fastFailure = await _host.Client.SendAsync(Book(slot, "outage-patient"));
        lastCall.Stop();
        watch.Stop();

        Assert.All(during.Append(fastFailure), response =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        });
        Assert.True(lastCall.Elapsed < TimeSpan.FromSeconds(1), $"open circuit answered in {lastCall.Elapsed}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"outage answers took {watch.Elapsed}");

        await _azurite.RestartAsync();
        var recovered = await WaitForAsync(async () =>
            (await _host.Client.SendAsync(Get("/api/me/appointments").As("outage-patient"))).StatusCode
                == HttpStatusCode.OK);
        var mine = await (await _host.Client.SendAsync(Get("/api/me/appointments").As("outage-patient"))).JsonAsync();
        var booked = await _host.Client.SendAsync(Book(slot, "outage-patient"));

        Assert.True(recovered, "the service did not resume within 20 s of storage returning");
        Assert.Empty(mine.GetProperty("appointments").EnumerateArray());
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
    }

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
