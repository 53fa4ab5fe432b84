using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Scheduling;

/// <summary>
/// The doctor records visits as completed or no-shows. A negative minimum notice lets this host book
/// slots of last week, so that visits have begun without waiting for time to pass.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class VisitOutcomeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private const string DoctorAccount = FutureSlots.ParisDoctorAccount;
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(
        azurite.Azurite, new Dictionary<string, string?> { ["Scheduling:MinimumNotice"] = "-21.00:00:00" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Doctor_recordsCompletedAndNoShow_onVisitsThatBegan()
    {
        var past = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: -2);
        var seen = await BookAsync("visit-patient-1", past[0]);
        var missed = await BookAsync("visit-patient-2", past[1]);

        var completed = await Client.SendAsync(Post(Outcome(seen, "complete"), new { }).As(DoctorAccount));
        var again = await Client.SendAsync(Post(Outcome(seen, "complete"), new { }).As(DoctorAccount));
        var noShow = await Client.SendAsync(Post(Outcome(missed, "no-show"), new { }).As(DoctorAccount));
        var day = await Client.SendAsync(
            Get($"/api/doctors/{Doctor}/appointments?date={past[0][..10]}").As(DoctorAccount));

        Assert.Equal("completed", (await completed.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("no-show", (await noShow.JsonAsync()).GetProperty("status").GetString());
        var statuses = (await day.JsonAsync()).GetProperty("appointments").EnumerateArray()
            .ToDictionary(
                a => a.GetProperty("appointmentId").GetString()!,
                a => a.GetProperty("status").GetString());
        Assert.Equal("completed", statuses[seen]);
        Assert.Equal("no-show", statuses[missed]);
    }

    [Fact]
    public async Task Outcome_byThePatientOrAnotherDoctorOrBeforeTheVisit_isRefused()
    {
        var past = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: -1);
        var future = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 3);
        var begun = await BookAsync("visit-patient-3", past[0]);
        var upcoming = await BookAsync("visit-patient-3", future[0]);

        var byPatient = await Client.SendAsync(
            Post(Outcome(begun, "complete"), new { }).As("visit-patient-3"));
        var byOther = await Client.SendAsync(
            Post(Outcome(begun, "complete"), new { }).As("demo-doctor-amelia-hart"));
        var early = await Client.SendAsync(Post(Outcome(upcoming, "no-show"), new { }).As(DoctorAccount));

        Assert.Equal(HttpStatusCode.Forbidden, byPatient.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal(
            "/problems/appointment-not-started", (await early.JsonAsync()).GetProperty("type").GetString());
    }

    private static string Outcome(string appointmentId, string outcome) =>
        $"/api/doctors/{Doctor}/appointments/{appointmentId}/{outcome}";

    private async Task<string> BookAsync(string patient, string start)
    {
        var response = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start }).As(patient));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }
}
