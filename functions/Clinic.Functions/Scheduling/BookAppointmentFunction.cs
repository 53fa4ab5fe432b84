using Clinic.Billing.Application;
using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Scheduling;

public sealed class BookAppointmentFunction(AppointmentService appointments, BookingInvoicing invoicing)
{
    [Function("BookAppointment")]
    [FunctionAccess(AccessPolicy.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "appointments")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = CallerContext.Get(request.HttpContext);

        var body = await JsonBody.ReadAsync<BookAppointmentRequest>(request, cancellationToken);
        if (!body.Succeeded)
            return ApiResults.Problem(request.HttpContext, body.Failure);

        var keys = request.Headers["Idempotency-Key"];
        if (keys.Count > 1)
        {
            return ApiResults.Problem(
                request.HttpContext, Failure.Validation("Idempotency-Key", "Send one key."));
        }

        var idempotencyKey = keys.Count == 1 ? keys[0] : null;
        var result = await appointments.BookAsync(
            caller.UserId, body.Value, idempotencyKey, cancellationToken);
        if (result.Succeeded && !result.Value!.Replayed)
        {
            var appointment = result.Value.Appointment;
            await invoicing.TryIssueAsync(appointment.Id, caller.UserId, appointment.DoctorId, cancellationToken);
        }

        return result.ToApiResult(request.HttpContext, Created);
    }

    private static ApiResult Created(BookingResult booking)
    {
        var result = ApiResults.Created($"/api/appointments/{booking.Appointment.Id}", booking.Appointment)
            .NoStore();
        if (booking.Replayed)
            result.Headers["Idempotent-Replayed"] = "true";
        return result;
    }
}
