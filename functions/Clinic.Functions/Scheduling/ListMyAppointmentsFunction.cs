using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Scheduling;

public sealed class ListMyAppointmentsFunction(AppointmentService appointments)
{
    [Function("ListMyAppointments")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/appointments")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = ClientPrincipalReader.Read(request);
        if (!caller.Succeeded)
            return ApiResults.Problem(request.HttpContext, caller.Failure);

        return ApiResults.Ok(await appointments.ListAsync(caller.Value.UserId, cancellationToken)).NoStore();
    }
}
