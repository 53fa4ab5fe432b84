using Clinic.Scheduling.Application;
using Clinic.Scheduling.Domain;
using Clinic.Scheduling.Tests.Fakes;

namespace Clinic.Scheduling.Tests.Caching;

/// <summary>Entries expire by themselves, and the cache's memory never grows past its configured limit.</summary>
public sealed class CacheLimitTests
{
    [Fact]
    public async Task Entry_olderThanItsExpiration_isReadFromStorageAgain()
    {
        using var harness = new CacheHarness(
            new Dictionary<string, string?> { ["Cache:Expiration"] = "00:00:30" });
        var slot = harness.FirstSlot(CacheHarness.Monday);
        await harness.FreeStartsAsync(CacheHarness.Monday);
        harness.Appointments.Hold(CacheHarness.DoctorId, slot);

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        var beforeExpiry = await harness.FreeStartsAsync(CacheHarness.Monday);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        var afterExpiry = await harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.Contains(TimeText.Format(slot), beforeExpiry);
        Assert.DoesNotContain(TimeText.Format(slot), afterExpiry);
    }

    [Fact]
    public async Task Range_builtLateFromAnOlderDay_expiresWithThatDay()
    {
        using var harness = new CacheHarness(
            new Dictionary<string, string?> { ["Cache:Expiration"] = "00:00:30" });
        var slot = harness.FirstSlot(CacheHarness.Monday);
        var (monday, tuesday) = (CacheHarness.Monday, CacheHarness.Monday.PlusDays(1));
        await harness.FreeStartsAsync(monday);

        // Booked on another instance: nothing here hears of it. A new range reuses Monday's cached day.
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        harness.Appointments.Hold(CacheHarness.DoctorId, slot);
        harness.Time.Advance(TimeSpan.FromSeconds(28));
        var (from, to) = (TimeText.Format(monday), TimeText.Format(tuesday));
        var lateRange = await harness.Slots.FindAsync(CacheHarness.DoctorId, from, to, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        var afterMondaysLifetime = await harness.Slots.FindAsync(
            CacheHarness.DoctorId, from, to, CancellationToken.None);

        Assert.Contains(TimeText.Format(slot), lateRange.Value!.Slots.Select(s => s.StartUtc));
        Assert.DoesNotContain(TimeText.Format(slot), afterMondaysLifetime.Value!.Slots.Select(s => s.StartUtc));
    }

    [Fact]
    public async Task Memory_manyDaysOverASmallLimit_staysWithinTheLimitAndKeepsNoMore()
    {
        const long limit = 1_000;
        using var harness = new CacheHarness(new Dictionary<string, string?>
        {
            ["Cache:SizeLimitBytes"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cache:MaximumPayloadBytes"] = "500",
        });
        var days = Enumerable.Range(0, 28).Select(CacheHarness.Monday.PlusDays).ToList();

        foreach (var day in days)
            await harness.FreeStartsAsync(day);
        var readsAfterFirstPass = harness.Appointments.Reads;
        foreach (var day in days)
            await harness.FreeStartsAsync(day);
        var statistics = harness.Memory.GetCurrentStatistics()!;

        Assert.InRange(statistics.CurrentEstimatedSize!.Value, 1, limit);
        Assert.InRange(statistics.CurrentEntryCount, 1, days.Count - 1);
        Assert.True(harness.Appointments.Reads > readsAfterFirstPass, "every day stayed cached");
    }

    [Fact]
    public async Task Entry_overTheMaximumPayload_isReturnedButNotKept()
    {
        using var harness = new CacheHarness(new Dictionary<string, string?>
        {
            ["Cache:MaximumPayloadBytes"] = "600",
        });
        var busy = CacheHarness.Monday;
        foreach (var slot in SlotCalendar.Between(harness.Doctor, busy, busy).Take(6))
            harness.Appointments.Hold(CacheHarness.DoctorId, slot.Start);

        var first = await harness.FreeStartsAsync(busy);
        await harness.FreeStartsAsync(busy);
        await harness.FreeStartsAsync(busy.PlusDays(1));
        await harness.FreeStartsAsync(busy.PlusDays(1));

        Assert.Equal(10, first.Count);
        Assert.Equal(3, harness.Appointments.Reads);
    }
}
