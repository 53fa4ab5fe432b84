using Microsoft.Extensions.Options;

namespace Clinic.LocalHost.Triggers;

/// <summary>Refuses queue settings that Azure Storage or the Functions host would refuse too.</summary>
public sealed class QueueTriggerOptionsValidator : IValidateOptions<QueueTriggerOptions>
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, QueueTriggerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var problems = new List<string>();
        if (options.MaxDequeueCount < 1)
            problems.Add("maxDequeueCount must be at least 1.");
        if (options.BatchSize is < 1 or > 32)
            problems.Add("batchSize must be between 1 and 32.");
        if (options.MaxPollingInterval < MinPollingInterval)
            problems.Add("maxPollingInterval must be at least 00:00:00.100.");
        if (options.VisibilityTimeout < TimeSpan.Zero || options.VisibilityTimeout > MaxVisibilityTimeout)
            problems.Add("visibilityTimeout must be between zero and seven days.");
        if (!Enum.IsDefined(options.MessageEncoding))
            problems.Add("messageEncoding must be base64 or none.");

        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(problem => "Queue trigger settings: " + problem));
    }
}
