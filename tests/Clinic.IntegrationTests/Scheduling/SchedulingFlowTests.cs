using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Scheduling;

[Collection(AzuriteCollection.Name)]
public sealed class SchedulingFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Patient = "patient-flow";
    private const string Doctor = FutureSlots.ParisDoctor;
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListDoctors_seededDemoData_coversThreeZonesWithAndWithoutDst()
    {
        var response = await Client.GetAsync("/api/doctors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var zones = (await response.JsonAsync()).GetProperty("doctors").EnumerateArray()
            .Select(doctor => doctor.GetProperty("timeZone").GetString())
            .ToList();
        Assert.True(zones.Count >= 5);
        Assert.Contains("America/New_York", zones);
        Assert.Contains("Asia/Kolkata", zones);
        Assert.Contains(zones, zone => zone!.StartsWith("Europe/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullFlow_bookListRescheduleCancel_keepsSlotsAndListsConsistent()
    {
        var free = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 2);
        var (first, second) = (free[0], free[1]);

        var booked = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = first }).As(Patient));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.JsonAsync()).GetProperty("id").GetString()!;
        Assert.Equal($"/api/appointments/{id}", booked.Headers.Location!.OriginalString);

        var read = await Client.SendAsync(Get(booked.Headers.Location.OriginalString).As(Patient));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("no-store", read.Headers.CacheControl!.ToString());
        Assert.DoesNotContain(first, await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 2));
        Assert.Contains(id, await MyAppointmentIdsAsync());
        Assert.Contains(id, await DoctorDayIdsAsync(first));

        var moved = await Client.SendAsync(Post($"/api/appointments/{id}/reschedule", new { start = second })
            .As(Patient));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var movedBody = await moved.JsonAsync();
        Assert.Equal(second, movedBody.GetProperty("startUtc").GetString());
        Assert.Equal(2, movedBody.GetProperty("version").GetInt32());
        var afterMove = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 2);
        Assert.Contains(first, afterMove);
        Assert.DoesNotContain(second, afterMove);

        var cancelled = await Client.SendAsync(Post($"/api/appointments/{id}/cancel", new { }).As(Patient));
        var cancelledAgain = await Client.SendAsync(
            Post($"/api/appointments/{id}/cancel", new { }).As(Patient));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelledAgain.StatusCode);
        Assert.Equal("cancelled", (await cancelledAgain.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(3, (await cancelledAgain.JsonAsync()).GetProperty("version").GetInt32());
        Assert.Contains(second, await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 2));
        Assert.DoesNotContain(id, await DoctorDayIdsAsync(second));
    }

    [Fact]
    public async Task Slots_forBookedDay_areTheDoctorsHoursInUtcAndLocal()
    {
        var free = await FutureSlots.FindAsync(Client, "dr-rohan-mehta", weeksAhead: 3);

        var response = await Client.GetAsync(
            $"/api/doctors/dr-rohan-mehta/slots?from={free[0][..10]}&to={free[0][..10]}");

        var slot = (await response.JsonAsync()).GetProperty("slots")[0];
        Assert.Equal("+05:30", slot.GetProperty("utcOffset").GetString());
        Assert.Equal("Asia/Kolkata", slot.GetProperty("timeZone").GetString());
        Assert.EndsWith("T10:00:00", slot.GetProperty("localStart").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("T04:30:00Z", slot.GetProperty("startUtc").GetString(), StringComparison.Ordinal);
    }

    private async Task<List<string>> MyAppointmentIdsAsync()
    {
        var response = await Client.SendAsync(Get("/api/me/appointments").As(Patient));
        return (await response.JsonAsync()).GetProperty("appointments").EnumerateArray()
            .Select(a => a.GetProperty("id").GetString()!)
            .ToList();
    }

    private async Task<List<string>> DoctorDayIdsAsync(string startUtc)
    {
        // Paris is ahead of UTC, so the UTC date of a daytime slot is also its local date.
        var response = await Client.SendAsync(
            Get($"/api/doctors/{Doctor}/appointments?date={startUtc[..10]}")
                .As(FutureSlots.ParisDoctorAccount, "doctor"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("appointments").EnumerateArray()
            .Select(a => a.GetProperty("appointmentId").GetString()!)
            .ToList();
    }
}
