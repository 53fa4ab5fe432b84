using System.Collections.Concurrent;

namespace Clinic.LocalHost.Tests.Samples;

/// <summary>What the sample functions of one test host saw, in the order they saw it.</summary>
public sealed class InvocationRecorder
{
    private readonly ConcurrentQueue<(string Function, object Detail)> _invocations = new();

    public void Record(string function, object detail) => _invocations.Enqueue((function, detail));

    public IReadOnlyList<T> Of<T>(string function) =>
        _invocations.Where(i => i.Function == function).Select(i => (T)i.Detail).ToList();
}
