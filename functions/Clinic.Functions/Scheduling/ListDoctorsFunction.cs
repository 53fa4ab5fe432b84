using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Scheduling;

public sealed class ListDoctorsFunction(DoctorDirectory doctors)
{
    [Function("ListDoctors")]
    [FunctionAccess(AccessPolicy.Anonymous)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "doctors")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        return ApiResults.Ok(await doctors.ListAsync(cancellationToken));
    }
}
