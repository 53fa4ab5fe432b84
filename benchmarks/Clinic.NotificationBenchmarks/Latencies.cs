using System.Diagnostics;
using System.Globalization;

namespace Clinic.NotificationBenchmarks;

/// <summary>Per-operation latencies of one measured run, and the run's wall-clock throughput.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private readonly Stopwatch _wall = new();

    public int Count => _milliseconds.Count;

    public double PerSecond => Count / _wall.Elapsed.TotalSeconds;

    public void Start() => _wall.Start();

    public void Stop() => _wall.Stop();

    public void Add(TimeSpan elapsed)
    {
        lock (_milliseconds)
            _milliseconds.Add(elapsed.TotalMilliseconds);
    }

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Count} ops, {PerSecond,8:F1}/s, p50 {Percentile(0.50),7:F1} ms, p99 {Percentile(0.99),7:F1} ms");
}
