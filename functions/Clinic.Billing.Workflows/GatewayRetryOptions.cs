using Clinic.Billing.Payments;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows;

/// <summary>
/// How long a workflow keeps trying the payment provider: a durable retry of transient failures with
/// exponential backoff, and a bounded number of durable waits while the provider's circuit is open. Travels
/// in the orchestration input (so a replay sees the same values); tests pass milliseconds.
/// </summary>
public sealed record GatewayRetryOptions
{
    public static GatewayRetryOptions Default { get; } = new();

    /// <summary>Attempts of one call, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan FirstRetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    public double BackoffCoefficient { get; init; } = 2;

    public TimeSpan MaxRetryInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait when the circuit is open and the provider named no time.</summary>
    public TimeSpan CircuitOpenWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Waits on an open circuit before the workflow gives up.</summary>
    public int MaxCircuitWaits { get; init; } = 3;

    /// <summary>How long a payment the provider is still processing waits before it asks again.</summary>
    public TimeSpan OutcomePollInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Polls of a payment still processing before it is left to staff (2 h by default).</summary>
    public int MaxOutcomePolls { get; init; } = 12;

    /// <summary>Retries only <see cref="TransientPaymentException"/>: a bug or a refusal is not retried.</summary>
    public RetryPolicy ToTransientRetryPolicy() =>
        new(MaxAttempts, FirstRetryInterval, BackoffCoefficient, MaxRetryInterval)
        {
            HandleFailure = IsTransient,
        };

    /// <summary>For the invoice's own storage steps: a few quick retries of anything.</summary>
    public RetryPolicy ToStorageRetryPolicy() =>
        new(Math.Min(MaxAttempts, 3), FirstRetryInterval, BackoffCoefficient, MaxRetryInterval);

    internal static bool IsTransient(TaskFailureDetails? failure) =>
        failure is not null
        && (failure.IsCausedBy<TransientPaymentException>()
            || failure.ErrorType == typeof(TransientPaymentException).FullName
            || IsStillProcessing(failure));

    internal static bool IsStillProcessing(TaskFailureDetails? failure) =>
        failure is not null
        && (failure.IsCausedBy<PaymentStillProcessingException>()
            || failure.ErrorType == typeof(PaymentStillProcessingException).FullName);
}
