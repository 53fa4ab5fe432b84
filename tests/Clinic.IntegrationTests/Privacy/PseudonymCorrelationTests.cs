using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Privacy;

/// <summary>Events about one person carry one pseudonym, whether redaction or the event itself made it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PseudonymCorrelationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningLocalHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignInAndBooking_ofOnePatient_logTheSamePseudonym()
    {
        var patient = $"correlated-{Guid.NewGuid():N}";
        await _host.Client.PostAsync("/api/auth/roles", Json(new
        {
            identityProvider = "aad",
            userId = patient,
            userDetails = "someone@example.test",
            claims = Array.Empty<object>(),
        }));
        var slot = (await FutureSlots.FindAsync(_host.Client, FutureSlots.ParisDoctor, weeksAhead: 6))[0];

        await _host.Client.SendAsync(
            Post("/api/appointments", new { doctorId = FutureSlots.ParisDoctor, start = slot }).As(patient));

        var records = _host.Logs.GetSnapshot();
        var signedIn = Assert.Single(records, r => r.Id.Name == "UserSignedIn" && r.Message.Contains("u_"));
        var booked = Assert.Single(records, r => r.Id.Name == "AppointmentBooked");
        var pseudonym = signedIn.StructuredState!.Single(pair => pair.Key == "UserPseudonym").Value;
        Assert.StartsWith("u_", pseudonym, StringComparison.Ordinal);
        Assert.Equal(pseudonym, booked.StructuredState!.Single(pair => pair.Key == "PatientPseudonym").Value);
        Assert.DoesNotContain(patient, booked.Message, StringComparison.Ordinal);
    }
}
