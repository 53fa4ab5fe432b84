using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Scheduling;

public sealed class GetDoctorDayFunction(DoctorDayQuery day)
{
    [Function("GetDoctorDay")]
    [FunctionAccess(AccessPolicy.Doctor)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "doctors/{doctorId}/appointments")]
        HttpRequest request,
        string doctorId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = CallerContext.Get(request.HttpContext);
        if (!caller.IsAdmin && caller.DoctorId != doctorId)
        {
            return ApiResults.Problem(
                request.HttpContext, Failure.Forbidden("Doctors see their own day only."));
        }

        var result = await day.GetAsync(doctorId, request.Query["date"], cancellationToken);
        return result.ToApiResult(request.HttpContext, value => ApiResults.Ok(value).NoStore());
    }
}
