namespace Clinic.LocalHost.Tests.Infrastructure;

/// <summary>
/// Waits for a condition by polling it, with a deadline far above what it normally takes, so a slow or busy
/// machine makes a test slower rather than red.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Still not true after {timeout ?? DefaultTimeout}: {what}.");

            await Task.Delay(PollInterval);
        }
    }
}
