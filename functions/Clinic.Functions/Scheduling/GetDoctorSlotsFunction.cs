using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Clinic.Functions.Scheduling;

/// <summary>
/// A doctor's free slots: public, so browsers may keep them for a short while and revalidate by ETag. Booking
/// never trusts them: the slot row decides.
/// </summary>
public sealed class GetDoctorSlotsFunction(SlotSearch slots, IOptions<CacheOptions> cache)
{
    [Function("GetDoctorSlots")]
    [FunctionAccess(AccessPolicy.Anonymous)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "doctors/{doctorId}/slots")]
        HttpRequest request,
        string doctorId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var result = await slots.FindAsync(
            doctorId, request.Query["from"], request.Query["to"], cancellationToken);
        var context = request.HttpContext;
        return result.ToApiResult(
            context, value => ApiResults.Public(context, value, cache.Value.HttpMaxAge));
    }
}
