using Clinic.Scheduling.Application;
using Clinic.Scheduling.Tests.Fakes;
using NodaTime;

namespace Clinic.Scheduling.Tests.Caching;

/// <summary>
/// A change of a doctor's availability or profile through the service is seen by the very next lookup on this
/// instance, whatever the cache held: slot searches follow the new rules and the doctor list the new name.
/// </summary>
public sealed class DoctorChangeCacheTests : IDisposable
{
    private const string Doctor = CacheHarness.DoctorId;
    private static readonly string Monday = TimeText.Format(CacheHarness.Monday);
    private readonly CacheHarness _harness = new();

    private DoctorAdministration Administration => _harness.Get<DoctorAdministration>();

    [Fact]
    public async Task UpdateAvailabilityAsync_newDayOff_nextSearchShowsNoSlotsThatDay()
    {
        var before = await _harness.FreeStartsAsync(CacheHarness.Monday);

        await UpdateAsync(ParisRules.Request(30, Monday));
        var after = await _harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.Equal(16, before.Count);
        Assert.Empty(after);
    }

    [Fact]
    public async Task UpdateAvailabilityAsync_removedDayOff_nextSearchShowsThatDaysSlots()
    {
        await UpdateAsync(ParisRules.Request(30, Monday));
        var during = await _harness.FreeStartsAsync(CacheHarness.Monday);

        await UpdateAsync(ParisRules.Request(30));
        var after = await _harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.Empty(during);
        Assert.Equal(16, after.Count);
    }

    [Fact]
    public async Task UpdateAvailabilityAsync_dayOffInACachedRange_rangeDropsThatDayOnly()
    {
        var (from, to) = (Monday, TimeText.Format(CacheHarness.Monday.PlusDays(13)));
        var before = await _harness.Slots.FindAsync(Doctor, from, to, CancellationToken.None);
        var tuesday = TimeText.Format(CacheHarness.Monday.PlusDays(8));

        await UpdateAsync(ParisRules.Request(30, tuesday));
        var after = await _harness.Slots.FindAsync(Doctor, from, to, CancellationToken.None);

        Assert.Equal(8 * 16, before.Value!.Slots.Count);
        Assert.Equal(7 * 16, after.Value!.Slots.Count);
        Assert.DoesNotContain(
            after.Value.Slots, slot => slot.LocalStart.StartsWith(tuesday, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateAvailabilityAsync_shorterSlots_keptAppointmentHidesTheNewSlotsItOverlaps()
    {
        var kept = _harness.FirstSlot(CacheHarness.Monday);
        _harness.Appointments.Hold(Doctor, kept);
        await _harness.FreeStartsAsync(CacheHarness.Monday);

        await UpdateAsync(ParisRules.Request(20));
        var free = await _harness.FreeStartsAsync(CacheHarness.Monday);

        // 08:30-09:00 stays booked: of the new 08:30, 08:50 and 09:10, only 09:10 is free.
        Assert.DoesNotContain(TimeText.Format(kept), free);
        Assert.DoesNotContain(TimeText.Format(kept + Duration.FromMinutes(20)), free);
        Assert.Equal(TimeText.Format(kept + Duration.FromMinutes(40)), free[0]);
    }

    [Fact]
    public async Task UpdateProfileAsync_newDisplayName_doctorListShowsItAtOnce()
    {
        var directory = _harness.Get<DoctorDirectory>();
        await directory.ListAsync(CancellationToken.None);

        await Administration.UpdateProfileAsync(
            Doctor, new("Dr. Claire Dubois-Martin", "Paediatrics"), CancellationToken.None);
        var list = await directory.ListAsync(CancellationToken.None);

        Assert.Equal("Dr. Claire Dubois-Martin", list.Doctors.Single(d => d.Id == Doctor).DisplayName);
    }

    private async Task UpdateAsync(Contracts.UpdateAvailabilityRequest request)
    {
        var result = await Administration.UpdateAvailabilityAsync(
            Doctor, request, null, CancellationToken.None);
        Assert.True(result.Succeeded);
    }

    public void Dispose() => _harness.Dispose();
}
