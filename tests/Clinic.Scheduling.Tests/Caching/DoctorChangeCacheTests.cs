using Clinic.Scheduling.Application;
using Clinic.Scheduling.Domain;
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

        await UpdateAsync(ParisRules.WithDaysOff(Monday));
        var after = await _harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.Equal(16, before.Count);
        Assert.Empty(after);
    }

    [Fact]
    public async Task UpdateAvailabilityAsync_duringASearchsRead_thatSearchNeverKeepsTheOldRules()
    {
        var atGate = _harness.Appointments.CloseGate();
        var straddling = _harness.FreeStartsAsync(CacheHarness.Monday);
        await atGate;

        // The day off lands while the search, which began with the old rules, waits for its held slots.
        await UpdateAsync(ParisRules.WithDaysOff(Monday));
        _harness.Time.Advance(TimeSpan.FromMilliseconds(5));
        _harness.Appointments.OpenGate();
        await straddling;
        var after = await _harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.Empty(after);
    }

    [Fact]
    public async Task UpdateAvailabilityAsync_removedDayOff_nextSearchShowsThatDaysSlots()
    {
        await UpdateAsync(ParisRules.WithDaysOff(Monday));
        var during = await _harness.FreeStartsAsync(CacheHarness.Monday);

        await UpdateAsync(ParisRules.Request());
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

        await UpdateAsync(ParisRules.WithDaysOff(tuesday));
        var after = await _harness.Slots.FindAsync(Doctor, from, to, CancellationToken.None);

        Assert.Equal(8 * 16, before.Value!.Slots.Count);
        Assert.Equal(7 * 16, after.Value!.Slots.Count);
        Assert.DoesNotContain(
            after.Value.Slots, slot => slot.LocalStart.StartsWith(tuesday, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateAvailabilityAsync_shorterAfternoon_keptAppointmentStaysAndLaterSlotsGo()
    {
        var afternoon = SlotCalendar.Between(_harness.Doctor, CacheHarness.Monday, CacheHarness.Monday)
            .Last().Start;
        _harness.Appointments.Hold(Doctor, afternoon);
        await _harness.FreeStartsAsync(CacheHarness.Monday);

        await UpdateAsync(ParisRules.Request("16:30"));
        var free = await _harness.FreeStartsAsync(CacheHarness.Monday);
        var day = await _harness.Get<DoctorDayQuery>().GetAsync(
            Doctor, TimeText.Format(CacheHarness.Monday), CancellationToken.None);

        // 17:00-17:30 is outside the new hours: no longer offered, still booked.
        Assert.DoesNotContain(free, start => string.CompareOrdinal(start, TimeText.Format(afternoon)) >= 0);
        Assert.Equal(TimeText.Format(afternoon), Assert.Single(day.Value!.Appointments).StartUtc);
        Assert.Equal(14, free.Count);
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
