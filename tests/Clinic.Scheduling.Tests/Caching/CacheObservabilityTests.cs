using System.Diagnostics.Metrics;
using Clinic.Scheduling.Caching;
using Clinic.Scheduling.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace Clinic.Scheduling.Tests.Caching;

/// <summary>Hits and misses are counted as metrics, per view; invalidations are logged at Debug only.</summary>
public sealed class CacheObservabilityTests : IDisposable
{
    private readonly CacheHarness _harness = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, long Value, string? View)> _measurements = [];

    public CacheObservabilityTests()
    {
        // Only this harness's meter: its factory is the meter's scope.
        var factory = _harness.Get<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CacheMetrics.MeterName && instrument.Meter.Scope == factory)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var view = tags.ToArray().FirstOrDefault(tag => tag.Key == "view").Value as string;
            lock (_measurements)
                _measurements.Add((instrument.Name, value, view));
        });
        _listener.Start();
    }

    [Fact]
    public async Task SlotSearch_twice_countsAMissThenAHitPerDay()
    {
        await _harness.FreeStartsAsync(CacheHarness.Monday);
        await _harness.FreeStartsAsync(CacheHarness.Monday);

        Assert.Equal(1, Count(CacheMetrics.MissesName, CacheViews.Slots));
        Assert.Equal(1, Count(CacheMetrics.HitsName, CacheViews.Slots));

        // The first search also looks the doctor up within its range's and its day offer's reads: hits.
        Assert.Equal(1, Count(CacheMetrics.MissesName, CacheViews.Doctor));
        Assert.Equal(3, Count(CacheMetrics.HitsName, CacheViews.Doctor));
    }

    [Fact]
    public async Task Lookups_writeNoLogLine_andAnInvalidationOneAtDebug()
    {
        var slot = _harness.FirstSlot(CacheHarness.Monday);
        await _harness.FreeStartsAsync(CacheHarness.Monday);
        await _harness.FreeStartsAsync(CacheHarness.Monday);
        var linesAfterLookups = _harness.Logs.Count;

        await _harness.Schedules.InvalidateAsync(_harness.Doctor, InvalidationReason.Booked, slot);

        Assert.Equal(0, linesAfterLookups);
        var record = Assert.Single(_harness.Logs.GetSnapshot());
        Assert.Equal("CacheInvalidated", record.Id.Name);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Contains("doctor-day:dr-claire-dubois:2027-03-08", record.Message, StringComparison.Ordinal);
    }

    private long Count(string name, string view)
    {
        lock (_measurements)
            return _measurements.Where(m => m.Name == name && m.View == view).Sum(m => m.Value);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _harness.Dispose();
    }
}
