using Clinic.Scheduling.Application;
using Clinic.Scheduling.Tests.Fakes;

namespace Clinic.Scheduling.Tests.Caching;

/// <summary>
/// The doctor's day takes its schedule from the cache, but patient ids and notes are personal: they are read
/// from storage on every request, never from a cached copy.
/// </summary>
public sealed class DoctorDayCacheTests : IDisposable
{
    private readonly CacheHarness _harness = new();

    private DoctorDayQuery Query => _harness.Get<DoctorDayQuery>();

    [Fact]
    public async Task GetAsync_noteChangedInStorage_showsTheNewNoteWithoutAnyInvalidation()
    {
        var slot = _harness.FirstSlot(CacheHarness.Monday);
        _harness.Appointments.Hold(CacheHarness.DoctorId, slot, note: "first note");
        await DayAsync();

        _harness.Appointments.Hold(CacheHarness.DoctorId, slot, note: "second note");
        var day = await DayAsync();

        Assert.Equal("second note", Assert.Single(day.Appointments).Note);
    }

    [Fact]
    public async Task GetAsync_dayWithoutAppointments_readsStorageOnceOnly()
    {
        await DayAsync();
        await DayAsync();
        var day = await DayAsync();

        Assert.Empty(day.Appointments);
        Assert.Equal(1, _harness.Appointments.Reads);
    }

    [Fact]
    public async Task GetAsync_storageDiffersFromTheCachedSchedule_slotSearchSeesItAtOnce()
    {
        var first = _harness.FirstSlot(CacheHarness.Monday);
        _harness.Appointments.Hold(CacheHarness.DoctorId, first);
        await _harness.FreeStartsAsync(CacheHarness.Monday);
        var second = first + NodaTime.Duration.FromMinutes(30);
        _harness.Appointments.Hold(CacheHarness.DoctorId, second);

        await DayAsync();
        var free = await _harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.DoesNotContain(TimeText.Format(second), free);
    }

    private async Task<Contracts.DoctorDayResponse> DayAsync()
    {
        var result = await Query.GetAsync(
            CacheHarness.DoctorId, TimeText.Format(CacheHarness.Monday), CancellationToken.None);
        return result.Value!;
    }

    public void Dispose() => _harness.Dispose();
}
