namespace Clinic.LocalHost.Triggers;

/// <summary>
/// The wait between polls of a queue: short while messages keep coming, then doubling after each empty poll
/// up to the configured maximum, as the Functions host does. A little jitter keeps listeners from polling in
/// step.
/// </summary>
public sealed class PollingBackoff(TimeSpan maximum)
{
    /// <summary>The first wait after a queue is found empty.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);

    private TimeSpan _current = TimeSpan.Zero;

    public TimeSpan Next()
    {
        var doubled = _current == TimeSpan.Zero ? Minimum : _current * 2;
        _current = doubled < maximum ? doubled : maximum;
        return _current * (0.8 + (0.2 * Random.Shared.NextDouble()));
    }

    /// <summary>Called when a poll found messages: the next empty poll waits the minimum again.</summary>
    public void Reset() => _current = TimeSpan.Zero;
}
