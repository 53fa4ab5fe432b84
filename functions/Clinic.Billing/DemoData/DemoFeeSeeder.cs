using Clinic.Billing.Application;
using Microsoft.Extensions.Logging;

namespace Clinic.Billing.DemoData;

/// <summary>Adds the demo fees that are missing; running it again changes nothing.</summary>
public sealed class DemoFeeSeeder(IFeeStore fees, ILogger<DemoFeeSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var fee in DemoFees.All)
        {
            if (await fees.AddIfMissingAsync(fee, cancellationToken))
                added++;
        }

        Log.DemoFeesSeeded(logger, added);
    }
}
