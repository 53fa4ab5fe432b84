namespace Clinic.Billing.Workflows.Tests;

/// <summary>
/// The retry of the payment provider in production (no <c>Billing:GatewayRetry</c> settings there): pinned,
/// because with the gateway's own single attempt this policy alone decides how often a payment is retried.
/// </summary>
public sealed class GatewayRetryOptionsTests
{
    [Fact]
    public void TransientRetryPolicy_productionDefaults_fiveAttemptsFromTwoSecondsDoublingUpToAMinute()
    {
        var options = new GatewayRetryOptions();

        var policy = options.ToTransientRetryPolicy();

        Assert.Equal(GatewayRetryOptions.Default, options);
        Assert.Equal(
            (5, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1)),
            (policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient,
                policy.MaxRetryInterval));
        Assert.Equal((TimeSpan.FromSeconds(30), 3), (options.CircuitOpenWait, options.MaxCircuitWaits));
    }
}
