using Microsoft.Extensions.Internal;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// The app's <see cref="TimeProvider"/> as the memory cache's clock, so that entries expire on the same time
/// as the rest of the app, and tests can move that time.
/// </summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
