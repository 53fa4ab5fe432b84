using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Scheduling;

/// <summary>From the doctor's dashboard: a visit took place, or the patient did not come.</summary>
public sealed class VisitOutcomeFunctions(VisitOutcomes outcomes)
{
    private const string Appointment = "doctors/{doctorId}/appointments/{appointmentId}";

    [Function("CompleteAppointment")]
    [FunctionAccess(AccessPolicy.Doctor)]
    public Task<IActionResult> Complete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Appointment + "/complete")]
        HttpRequest request,
        string doctorId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        RecordAsync(request, doctorId, appointmentId, AppointmentStatus.Completed, cancellationToken);

    [Function("RecordNoShow")]
    [FunctionAccess(AccessPolicy.Doctor)]
    public Task<IActionResult> NoShow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Appointment + "/no-show")]
        HttpRequest request,
        string doctorId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        RecordAsync(request, doctorId, appointmentId, AppointmentStatus.NoShow, cancellationToken);

    private async Task<IActionResult> RecordAsync(
        HttpRequest request,
        string doctorId,
        string appointmentId,
        AppointmentStatus outcome,
        CancellationToken token)
    {
        var caller = CallerContext.Get(request.HttpContext);
        if (!caller.IsAdmin && caller.DoctorId != doctorId)
        {
            return ApiResults.Problem(
                request.HttpContext, Failure.Forbidden("Doctors record their own visits only."));
        }

        var result = await outcomes.RecordAsync(doctorId, appointmentId, outcome, token);
        return result.ToApiResult(request.HttpContext, value => ApiResults.Ok(value).NoStore());
    }
}
