using System.Globalization;

namespace Clinic.CacheBenchmarks;

/// <summary>Per-lookup latencies of one variant.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_milliseconds.Count} lookups, p50 {Percentile(0.50),9:F4} ms, p99 {Percentile(0.99),9:F4} ms");
}
