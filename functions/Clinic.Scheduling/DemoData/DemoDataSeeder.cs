using Clinic.Scheduling.Application;
using Microsoft.Extensions.Logging;

namespace Clinic.Scheduling.DemoData;

/// <summary>Adds the demo doctors that are missing; running it again changes nothing.</summary>
public sealed class DemoDataSeeder(IDoctorStore doctors, ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var doctor in DemoDoctors.All)
        {
            if (await doctors.AddIfMissingAsync(doctor, cancellationToken))
                added++;
        }

        Log.DemoDoctorsSeeded(logger, added);
    }
}
