using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Scheduling;

public sealed class CancelAppointmentFunction(AppointmentService appointments)
{
    [Function("CancelAppointment")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "appointments/{appointmentId}/cancel")]
        HttpRequest request,
        string appointmentId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = ClientPrincipalReader.Read(request);
        if (!caller.Succeeded)
            return ApiResults.Problem(request.HttpContext, caller.Failure);

        var result = await appointments.CancelAsync(caller.Value.UserId, appointmentId, cancellationToken);
        return result.ToApiResult(request.HttpContext, value => ApiResults.Ok(value).NoStore());
    }
}
