using Microsoft.Extensions.Configuration;

namespace Clinic.Platform.Resilience;

/// <summary>
/// How patiently one outbound dependency is called. Bound per dependency, e.g. <c>Resilience:Storage</c>.
/// </summary>
public sealed class DependencyResilienceOptions
{
    public const string SectionName = "Resilience";

    /// <summary>One attempt's limit; a slower answer counts as a transient failure.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// All attempts and delays together; past it the caller gets an answer rather than a wait.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt; 0 leaves them out, for a caller that retries itself.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>
    /// The first retry's delay; later ones double, with jitter so callers do not retry in step.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Share of failed calls in <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    public int MinimumThroughput { get; set; } = 5;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long calls are refused at once before one trial call may test the dependency again.
    /// </summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// These values, overridden by what the <c>Resilience:{dependency}</c> section of
    /// <paramref name="configuration"/> sets: a dependency's own defaults, then the operator's settings.
    /// </summary>
    public DependencyResilienceOptions BindSection(IConfiguration configuration, string dependency)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        configuration.GetSection($"{SectionName}:{dependency}").Bind(this);
        return this;
    }
}
