using System.Collections.Concurrent;
using System.Diagnostics;

namespace Clinic.Observability.Tests.Support;

/// <summary>Everything the capturing exporters saw, with the time of export on one stopwatch.</summary>
public sealed class CapturedLogs
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<CapturedLog> All => [.. _logs];

    public void Add(Func<TimeSpan, CapturedLog> capture) => _logs.Enqueue(capture(_clock.Elapsed));

    /// <summary>The first matching record, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<CapturedLog?> WaitForAsync(Func<CapturedLog, bool> match, TimeSpan timeout)
    {
        var deadline = _clock.Elapsed + timeout;
        while (true)
        {
            if (_logs.FirstOrDefault(match) is { } found)
                return found;

            if (_clock.Elapsed >= deadline)
                return null;

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
