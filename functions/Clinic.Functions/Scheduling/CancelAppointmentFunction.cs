using Clinic.Billing.Workflows;
using Clinic.Billing.Workflows.Contracts;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Functions.Scheduling;

/// <summary>
/// Cancels the caller's appointment, then starts the settlement of its invoice (void if unpaid, refund if paid)
/// right away. That start is a shortcut: the cancellation's outbox row reaches billing through its queue
/// (<see cref="Billing.BillingChangeFunctions"/>), so a start that fails here is logged and made up there.
/// </summary>
public sealed class CancelAppointmentFunction(
    AppointmentService appointments,
    IOptions<GatewayRetryOptions> retry,
    ILogger<CancelAppointmentFunction> logger)
{
    [Function("CancelAppointment")]
    [FunctionAccess(AccessPolicy.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "appointments/{appointmentId}/cancel")]
        HttpRequest request,
        string appointmentId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);

        var caller = CallerContext.Get(request.HttpContext);

        var result = await appointments.CancelAsync(caller.UserId, appointmentId, cancellationToken);
        if (result.Succeeded)
        {
            var cancelled = result.Value!;
            var settlement = new SettlementInput(
                cancelled.Id, retry.Value, PatientId: caller.UserId, DoctorId: cancelled.DoctorId);
            await client.TryStartOrJoinSettlementAsync(settlement, logger, cancellationToken);
        }

        return result.ToApiResult(request.HttpContext, value => ApiResults.Ok(value).NoStore());
    }
}
