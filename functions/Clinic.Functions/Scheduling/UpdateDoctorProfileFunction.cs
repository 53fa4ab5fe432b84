using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Scheduling;

/// <summary>Replaces the doctor's public profile (name, specialty); the doctor list shows it at once.
/// </summary>
public sealed class UpdateDoctorProfileFunction(DoctorAdministration doctors)
{
    [Function("UpdateDoctorProfile")]
    [FunctionAccess(AccessPolicy.Doctor)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "doctors/{doctorId}/profile")]
        HttpRequest request,
        string doctorId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (!CallerContext.Get(request.HttpContext).ActsFor(doctorId))
        {
            return ApiResults.Problem(
                request.HttpContext, Failure.Forbidden("Doctors change their own profile only."));
        }

        var body = await JsonBody.ReadAsync<UpdateDoctorProfileRequest>(request, cancellationToken);
        if (!body.Succeeded)
            return ApiResults.Problem(request.HttpContext, body.Failure);

        var result = await doctors.UpdateProfileAsync(doctorId, body.Value, cancellationToken);
        return result.ToApiResult(request.HttpContext, value => ApiResults.Ok(value).NoStore());
    }
}
