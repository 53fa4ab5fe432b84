namespace Clinic.IntegrationTests.Infrastructure;

/// <summary>
/// Waits for something that background work makes true (a queue trigger, the alert writer), within a bound
/// that only a failure reaches.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>True once <paramref name="condition"/> holds; false if it did not within the bound.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan? bound = null)
    {
        ArgumentNullException.ThrowIfNull(condition);

        var deadline = DateTime.UtcNow + (bound ?? Bound);
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
                return false;
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return true;
    }

    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan? bound = null) =>
        UntilAsync(() => Task.FromResult(condition()), bound);
}
