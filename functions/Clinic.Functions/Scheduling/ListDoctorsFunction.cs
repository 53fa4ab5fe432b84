using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Clinic.Functions.Scheduling;

/// <summary>The public doctor list: browsers may keep it for a short while and revalidate by ETag.</summary>
public sealed class ListDoctorsFunction(DoctorDirectory doctors, IOptions<CacheOptions> cache)
{
    [Function("ListDoctors")]
    [FunctionAccess(AccessPolicy.Anonymous)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "doctors")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var list = await doctors.ListAsync(cancellationToken);
        return ApiResults.Public(request.HttpContext, list, cache.Value.HttpMaxAge);
    }
}
