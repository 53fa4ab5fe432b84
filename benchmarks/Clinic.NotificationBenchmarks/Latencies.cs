using System.Globalization;

namespace Clinic.NotificationBenchmarks;

/// <summary>Per-operation latencies of one variant.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

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
        $"{Count} ops, p50 {Percentile(0.50),7:F1} ms, p99 {Percentile(0.99),7:F1} ms");
}
