using Clinic.Platform.Http;
using Clinic.Scheduling.Application;

namespace Clinic.Functions.Scheduling;

/// <summary>The one way both availability functions answer: the body, its ETag, and no copy kept.</summary>
internal static class DoctorAvailabilityResults
{
    public static ApiResult Ok(VersionedAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);

        var result = ApiResults.Ok(availability.Availability).NoStore();
        result.Headers["ETag"] = availability.ETag;
        return result;
    }
}
