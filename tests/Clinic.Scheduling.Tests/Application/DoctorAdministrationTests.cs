using Clinic.Platform.Errors;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Tests.Fakes;

namespace Clinic.Scheduling.Tests.Application;

public sealed class DoctorAdministrationTests : IDisposable
{
    private const string Doctor = CacheHarness.DoctorId;
    private readonly CacheHarness _harness = new();

    private DoctorAdministration Administration => _harness.Get<DoctorAdministration>();

    [Fact]
    public async Task GetAvailabilityAsync_seededDoctor_givesItsRulesAndTheFirstVersion()
    {
        var result = await Administration.GetAvailabilityAsync(Doctor, CancellationToken.None);

        var availability = result.Value!.Availability;
        Assert.Equal("\"v1\"", result.Value.ETag);
        Assert.Equal("Europe/Paris", availability.TimeZone);
        Assert.Equal(30, availability.SlotMinutes);
        Assert.Equal(new("Monday", "08:30", "12:30"), availability.WeeklyAvailability[0]);
        Assert.Equal(new("Thursday", "13:30", "17:30"), availability.WeeklyAvailability[^1]);
        Assert.Empty(availability.DaysOff);
    }

    [Fact]
    public async Task UpdateAvailabilityAsync_withTheCurrentIfMatch_savesANewVersion()
    {
        var request = ParisRules.Request("16:30", "2027-03-09", "2027-03-08");

        var result = await Administration.UpdateAvailabilityAsync(
            Doctor, request, "\"v1\"", CancellationToken.None);
        var read = await Administration.GetAvailabilityAsync(Doctor, CancellationToken.None);

        Assert.Equal("\"v2\"", result.Value!.ETag);
        Assert.Equal(read.Value!.ETag, result.Value.ETag);
        Assert.Equal("16:30", read.Value.Availability.WeeklyAvailability[^1].End);
        Assert.Equal(["2027-03-08", "2027-03-09"], read.Value.Availability.DaysOff);
    }

    [Theory]
    [InlineData("\"v2\"")]
    [InlineData("W/\"v1\"")]
    [InlineData("v1")]
    public async Task UpdateAvailabilityAsync_ifMatchNotNamingTheCurrentVersion_isRefusedAndChangesNothing(
        string ifMatch)
    {
        var result = await Administration.UpdateAvailabilityAsync(
            Doctor, ParisRules.Request("15:30"), ifMatch, CancellationToken.None);
        var read = await Administration.GetAvailabilityAsync(Doctor, CancellationToken.None);

        Assert.Equal(FailureKind.PreconditionFailed, result.Failure!.Kind);
        Assert.Equal("availability-changed", result.Failure.Code);
        Assert.Equal("17:30", read.Value!.Availability.WeeklyAvailability[^1].End);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"v7\", \"v1\"")]
    public async Task UpdateAvailabilityAsync_ifMatchAnyOrAListNamingIt_isApplied(string ifMatch)
    {
        var result = await Administration.UpdateAvailabilityAsync(
            Doctor, ParisRules.Request("15:30"), ifMatch, CancellationToken.None);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task UpdateAvailabilityAsync_secondWriterWithTheSameIfMatch_isRefused()
    {
        await Administration.UpdateAvailabilityAsync(
            Doctor, ParisRules.Request("16:30"), "\"v1\"", CancellationToken.None);

        var second = await Administration.UpdateAvailabilityAsync(
            Doctor, ParisRules.Request("15:30"), "\"v1\"", CancellationToken.None);

        Assert.Equal(FailureKind.PreconditionFailed, second.Failure!.Kind);
    }

    [Theory]
    [InlineData("Europe/Berlin", 30, "timeZone")]
    [InlineData("Europe/Paris", 20, "slotMinutes")]
    public async Task UpdateAvailabilityAsync_anotherZoneOrSlotLength_isRefusedAndChangesNothing(
        string zone, int slotMinutes, string field)
    {
        var request = ParisRules.Request("16:30") with { TimeZone = zone, SlotMinutes = slotMinutes };

        var result = await Administration.UpdateAvailabilityAsync(Doctor, request, null, CancellationToken.None);
        var read = await Administration.GetAvailabilityAsync(Doctor, CancellationToken.None);

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Equal([field], result.Failure.Errors!.Keys);
        Assert.Equal("\"v1\"", read.Value!.ETag);
    }

    [Fact]
    public async Task UpdateProfileAsync_keepsTheAvailabilityAndItsVersion()
    {
        var profile = new UpdateDoctorProfileRequest("Dr. Claire Dubois-Martin", "Neonatology");

        var result = await Administration.UpdateProfileAsync(Doctor, profile, CancellationToken.None);
        var availability = await Administration.UpdateAvailabilityAsync(
            Doctor, ParisRules.Request(), "\"v1\"", CancellationToken.None);

        var expected = new DoctorResponse(Doctor, "Dr. Claire Dubois-Martin", "Neonatology", "Europe/Paris");
        Assert.Equal(expected, result.Value);
        Assert.True(availability.Succeeded);
    }

    [Theory]
    [InlineData("dr-nobody", FailureKind.NotFound)]
    [InlineData("Not_A~Doctor", FailureKind.Validation)]
    public async Task UpdateAvailabilityAsync_unknownOrMalformedDoctor_isRefused(
        string doctorId, FailureKind kind)
    {
        var result = await Administration.UpdateAvailabilityAsync(
            doctorId, ParisRules.Request(), null, CancellationToken.None);

        Assert.Equal(kind, result.Failure!.Kind);
    }

    [Fact]
    public async Task Updates_logTheDoctorIdAndNeverTheName()
    {
        var profile = new UpdateDoctorProfileRequest("Dr. Canary Fictional", "Allergy");

        await Administration.UpdateProfileAsync(Doctor, profile, CancellationToken.None);
        await Administration.UpdateAvailabilityAsync(
            Doctor, ParisRules.Request(), null, CancellationToken.None);

        var records = _harness.Logs.GetSnapshot();
        var changes = records.Where(r => r.Id.Name is "DoctorProfileChanged" or "DoctorAvailabilityChanged");
        Assert.Equal(2, changes.Count(r => r.Message.Contains(Doctor, StringComparison.Ordinal)));
        Assert.DoesNotContain(records, r => r.Message.Contains("Canary", StringComparison.Ordinal));
    }

    public void Dispose() => _harness.Dispose();
}
