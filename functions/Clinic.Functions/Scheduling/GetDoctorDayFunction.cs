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
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "doctors/{doctorId}/appointments")]
        HttpRequest request,
        string doctorId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = ClientPrincipalReader.Read(request);
        if (!caller.Succeeded)
            return ApiResults.Problem(request.HttpContext, caller.Failure);
        if (!caller.Value.ClaimsRole("doctor") && !caller.Value.ClaimsRole("admin"))
            return ApiResults.Problem(request.HttpContext, Failure.Forbidden("Only doctors see a doctor's day."));

        var result = await day.GetAsync(doctorId, request.Query["date"], cancellationToken);
        return result.ToApiResult(request.HttpContext, value => ApiResults.Ok(value).NoStore());
    }
}
