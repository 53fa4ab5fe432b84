using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Scheduling;

public sealed class GetDoctorSlotsFunction(SlotSearch slots)
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
        return result.ToApiResult(request.HttpContext, ApiResults.Ok);
    }
}
