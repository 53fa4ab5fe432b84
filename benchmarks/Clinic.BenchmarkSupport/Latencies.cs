using System.Diagnostics;
using System.Globalization;

namespace Clinic.BenchmarkSupport;

/// <summary>
/// Per-operation latencies of one measured variant, safe to add to from several clients, and optionally the
/// variant's wall-clock time (<see cref="Start"/>, <see cref="Stop"/>) for a throughput.
/// </summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private readonly Stopwatch _wall = new();

    public int Count
    {
        get
        {
            lock (_milliseconds)
                return _milliseconds.Count;
        }
    }

    public double PerSecond => Count / _wall.Elapsed.TotalSeconds;

    public void Start() => _wall.Start();

    public void Stop() => _wall.Stop();

    public void Add(TimeSpan elapsed)
    {
        lock (_milliseconds)
            _milliseconds.Add(elapsed.TotalMilliseconds);
    }

    /// <summary>The nearest-rank percentile, <paramref name="p"/> from 0 to 1, in milliseconds.</summary>
    public double Percentile(double p)
    {
        List<double> sorted;
        lock (_milliseconds)
            sorted = _milliseconds.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Count, p50 and p99, with <paramref name="decimals"/> digits for sub-millisecond figures.</summary>
    public string Summary(string unit = "ops", int decimals = 1, bool throughput = false)
    {
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        var rate = throughput ? $" {PerSecond.ToString("F1", CultureInfo.InvariantCulture),8}/s," : "";
        var p50 = Percentile(0.50).ToString(format, CultureInfo.InvariantCulture);
        var p99 = Percentile(0.99).ToString(format, CultureInfo.InvariantCulture);
        return $"{Count} {unit},{rate} p50 {p50,9} ms, p99 {p99,9} ms";
    }
}
