using Clinic.Scheduling.Application;
using Clinic.Scheduling.Caching;
using Clinic.Scheduling.Tests.Fakes;
using NodaTime;

namespace Clinic.Scheduling.Tests.Caching;

/// <summary>
/// Slot searches read held slots through the cache: a second search reads no storage, an invalidation is seen
/// at once, and a storage read that straddles an invalidation is never served after it.
/// </summary>
public sealed class SlotCacheTests : IDisposable
{
    private readonly CacheHarness _harness = new();

    [Fact]
    public async Task FindAsync_secondSearchOfTheSameDay_readsNoStorage()
    {
        await _harness.FreeStartsAsync(CacheHarness.Monday);
        var readsAfterFirst = _harness.Appointments.Reads;

        var free = await _harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.Equal(1, readsAfterFirst);
        Assert.Equal(1, _harness.Appointments.Reads);
        Assert.Equal(16, free.Count);
    }

    [Fact]
    public async Task FindAsync_afterTheDayIsInvalidated_neverShowsTheHeldSlotFree()
    {
        var slot = _harness.FirstSlot(CacheHarness.Monday);
        await _harness.FreeStartsAsync(CacheHarness.Monday);
        _harness.Appointments.Hold(CacheHarness.DoctorId, slot);

        var beforeInvalidation = await _harness.FreeStartsAsync(CacheHarness.Monday);
        await _harness.Schedules.InvalidateAsync(_harness.Doctor, InvalidationReason.Booked, slot);
        var afterInvalidation = await _harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.Contains(TimeText.Format(slot), beforeInvalidation);
        Assert.DoesNotContain(TimeText.Format(slot), afterInvalidation);
    }

    [Fact]
    public async Task FindAsync_readThatStraddlesAnInvalidation_isNotServedToLaterSearches()
    {
        var slot = _harness.FirstSlot(CacheHarness.Monday);
        var atGate = _harness.Appointments.CloseGate();
        var straddling = _harness.FreeStartsAsync(CacheHarness.Monday);
        await atGate;

        // Booked and invalidated while the first read, which saw the slot free, is still in flight.
        _harness.Appointments.Hold(CacheHarness.DoctorId, slot);
        await _harness.Schedules.InvalidateAsync(_harness.Doctor, InvalidationReason.Booked, slot);
        var joining = _harness.FreeStartsAsync(CacheHarness.Monday);
        _harness.Appointments.OpenGate();
        await straddling;
        var joined = await joining;
        var later = await _harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.DoesNotContain(TimeText.Format(slot), joined);
        Assert.DoesNotContain(TimeText.Format(slot), later);
    }

    [Fact]
    public async Task FindAsync_cancelledBehindTheCache_isFreeAgainOnceInvalidated()
    {
        var slot = _harness.FirstSlot(CacheHarness.Monday);
        _harness.Appointments.Hold(CacheHarness.DoctorId, slot);
        await _harness.FreeStartsAsync(CacheHarness.Monday);
        _harness.Appointments.Free(CacheHarness.DoctorId, slot);

        await _harness.Schedules.InvalidateAsync(_harness.Doctor, InvalidationReason.Cancelled, slot);
        var free = await _harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.Contains(TimeText.Format(slot), free);
    }

    [Fact]
    public async Task InvalidateAsync_rescheduleAcrossDays_invalidatesBothDays()
    {
        var tuesday = CacheHarness.Monday.PlusDays(1);
        var (from, to) = (_harness.FirstSlot(CacheHarness.Monday), _harness.FirstSlot(tuesday));
        _harness.Appointments.Hold(CacheHarness.DoctorId, from);
        await _harness.FreeStartsAsync(CacheHarness.Monday);
        await _harness.FreeStartsAsync(tuesday);
        _harness.Appointments.Free(CacheHarness.DoctorId, from);
        _harness.Appointments.Hold(CacheHarness.DoctorId, to);

        await _harness.Schedules.InvalidateAsync(_harness.Doctor, InvalidationReason.Rescheduled, from, to);
        var monday = await _harness.FreeStartsAsync(CacheHarness.Monday);
        var tuesdayFree = await _harness.FreeStartsAsync(tuesday);

        Assert.Contains(TimeText.Format(from), monday);
        Assert.DoesNotContain(TimeText.Format(to), tuesdayFree);
    }

    [Fact]
    public async Task FindAsync_fourteenDays_readsEachWorkingDayOnceThenNothing()
    {
        var last = CacheHarness.Monday.PlusDays(13);
        var (from, to) = (TimeText.Format(CacheHarness.Monday), TimeText.Format(last));

        await _harness.Slots.FindAsync(CacheHarness.DoctorId, from, to, CancellationToken.None);
        var readsAfterFirst = _harness.Appointments.Reads;
        await _harness.Slots.FindAsync(CacheHarness.DoctorId, from, to, CancellationToken.None);

        // Monday to Thursday, two weeks: days without slots to offer are never read.
        Assert.Equal(8, readsAfterFirst);
        Assert.Equal(8, _harness.Appointments.Reads);
    }

    [Fact]
    public async Task FindAsync_oneDayOfACachedRangeChanges_rangeShowsItAndRereadsThatDayOnly()
    {
        var tuesday = CacheHarness.Monday.PlusDays(8);
        var slot = _harness.FirstSlot(tuesday);
        var from = TimeText.Format(CacheHarness.Monday);
        var to = TimeText.Format(CacheHarness.Monday.PlusDays(13));
        await _harness.Slots.FindAsync(CacheHarness.DoctorId, from, to, CancellationToken.None);
        var readsBefore = _harness.Appointments.Reads;
        _harness.Appointments.Hold(CacheHarness.DoctorId, slot);

        await _harness.Schedules.InvalidateAsync(_harness.Doctor, InvalidationReason.Booked, slot);
        var after = await _harness.Slots.FindAsync(CacheHarness.DoctorId, from, to, CancellationToken.None);

        Assert.DoesNotContain(TimeText.Format(slot), after.Value!.Slots.Select(s => s.StartUtc));
        Assert.Equal(readsBefore + 1, _harness.Appointments.Reads);
    }

    public void Dispose() => _harness.Dispose();
}
