using Clinic.Scheduling.Application;
using Clinic.Scheduling.Tests.Fakes;

namespace Clinic.Scheduling.Tests.Caching;

/// <summary>With <c>Cache:Enabled</c> off every lookup reads storage, in one query per search as before.</summary>
public sealed class CacheDisabledTests
{
    [Fact]
    public async Task FindAsync_cacheOff_readsStorageOncePerSearch()
    {
        using var harness = new CacheHarness(new Dictionary<string, string?> { ["Cache:Enabled"] = "false" });
        var from = TimeText.Format(CacheHarness.Monday);
        var to = TimeText.Format(CacheHarness.Monday.PlusDays(13));

        await harness.Slots.FindAsync(CacheHarness.DoctorId, from, to, CancellationToken.None);
        await harness.Slots.FindAsync(CacheHarness.DoctorId, from, to, CancellationToken.None);

        Assert.Equal(2, harness.Appointments.Reads);
        Assert.Equal(2, harness.Doctors.Reads);
    }
}
