using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Platform.Security.Tests.Fakes;

internal static class RingFactory
{
    public static DataKeyRing Create(
        IKeyWrapper wrapper,
        int maxEvents = 100_000,
        TimeSpan? lifetime = null,
        TimeProvider? time = null,
        ILogger<DataKeyRing>? logger = null)
    {
        var options = new BillingLogOptions
        {
            MaxEventsPerDataKey = maxEvents,
            DataKeyLifetime = lifetime ?? TimeSpan.FromHours(1),
        };
        return new DataKeyRing(wrapper, Options.Create(options), time ?? TimeProvider.System,
            logger ?? NullLogger<DataKeyRing>.Instance);
    }
}
