namespace Clinic.LoggingBenchmarks;

/// <summary>What a run of log calls took: wall-clock time and process CPU time.</summary>
internal readonly record struct Cost(TimeSpan Wall, TimeSpan Cpu)
{
    public Cost Add(Cost other) => new(Wall + other.Wall, Cpu + other.Cpu);
}
