using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Scheduling;

/// <summary>
/// Replaces the doctor's availability; with If-Match, only if nobody changed it since that version was read
/// (412 otherwise). Slot searches follow at once; booked appointments stay as they are.
/// </summary>
public sealed class UpdateDoctorAvailabilityFunction(DoctorAdministration doctors)
{
    [Function("UpdateDoctorAvailability")]
    [FunctionAccess(AccessPolicy.Doctor)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "doctors/{doctorId}/availability")]
        HttpRequest request,
        string doctorId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (!CallerContext.Get(request.HttpContext).ActsFor(doctorId))
        {
            return ApiResults.Problem(
                request.HttpContext, Failure.Forbidden("Doctors change their own availability only."));
        }

        var body = await JsonBody.ReadAsync<UpdateAvailabilityRequest>(request, cancellationToken);
        if (!body.Succeeded)
            return ApiResults.Problem(request.HttpContext, body.Failure);

        var ifMatch = request.Headers.IfMatch;
        var result = await doctors.UpdateAvailabilityAsync(
            doctorId, body.Value, ifMatch.Count == 0 ? null : ifMatch.ToString(), cancellationToken);
        return result.ToApiResult(request.HttpContext, DoctorAvailabilityResults.Ok);
    }
}
