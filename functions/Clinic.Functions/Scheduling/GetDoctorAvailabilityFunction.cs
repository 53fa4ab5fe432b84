using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Scheduling;

/// <summary>
/// The doctor's availability as stored, with the ETag that an update may send back as If-Match.
/// </summary>
public sealed class GetDoctorAvailabilityFunction(DoctorAdministration doctors)
{
    [Function("GetDoctorAvailability")]
    [FunctionAccess(AccessPolicy.Doctor)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "doctors/{doctorId}/availability")]
        HttpRequest request,
        string doctorId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (!CallerContext.Get(request.HttpContext).ActsFor(doctorId))
        {
            return ApiResults.Problem(
                request.HttpContext, Failure.Forbidden("Doctors see their own availability only."));
        }

        var result = await doctors.GetAvailabilityAsync(doctorId, cancellationToken);
        return result.ToApiResult(request.HttpContext, DoctorAvailabilityResults.Ok);
    }
}
