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
/// Books an appointment. Its invoice is issued by billing from the booking's change (the outbox and billing's
/// queue), not here: the booking answers after the storage writes it needs, and nothing of billing can fail it.
/// </summary>
public sealed class BookAppointmentFunction(AppointmentService appointments)
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
