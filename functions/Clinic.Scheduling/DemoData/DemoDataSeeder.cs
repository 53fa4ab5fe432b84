using Clinic.Scheduling.Application;
using Microsoft.Extensions.Logging;

namespace Clinic.Scheduling.DemoData;

/// <summary>Adds the demo doctors that are missing; running it again changes nothing.</summary>
public sealed class DemoDataSeeder(
    IDoctorStore doctors, DoctorDirectory directory, ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var doctor in DemoDoctors.All)
        {
            if (!await doctors.AddIfMissingAsync(doctor, cancellationToken))
                continue;

            // A doctor list cached before the seeding finished must not hide the new doctor.
            await directory.InvalidateAsync(doctor.Id);
            added++;
        }

        Log.DemoDoctorsSeeded(logger, added);
    }
}
