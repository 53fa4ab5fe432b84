using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Pipeline;
using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Notifications;

/// <summary>Admins read each notification's state, list the dead letters and replay them.</summary>
public sealed class NotificationAdminFunctions(IDeliveryStore deliveries, DeadLetterHandler deadLetters)
{
    private const string DeadLetters = "admin/notifications/dead-letters";

    [Function("ListAppointmentNotifications")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> ListForAppointment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/appointments/{appointmentId}/notifications")]
        HttpRequest request,
        string appointmentId,
        CancellationToken cancellationToken)
    {
        var records = await deliveries.ListForAppointmentAsync(appointmentId, cancellationToken);
        var views = records.OrderBy(r => r.UpdatedAt).Select(r => new
        {
            kind = Camel(r.Key.Kind.ToString()),
            version = r.Key.Version,
            channel = Camel(r.Key.Channel.ToString()),
            state = Camel(r.State.ToString()),
            attempts = r.Attempts,
            reason = r.Reason,
            updatedAt = r.UpdatedAt,
        });
        return ApiResults.Ok(new { appointmentId, deliveries = views.ToList() }).NoStore();
    }

    [Function("ListDeadLetters")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> ListDeadLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DeadLetters)]
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        var letters = await deadLetters.ListAsync(cancellationToken);
        var views = letters.Select(letter =>
            new { id = letter.Id, sourceQueue = letter.SourceQueue, deadLetteredAt = letter.DeadLetteredAt });
        return ApiResults.Ok(new { deadLetters = views.ToList() }).NoStore();
    }

    [Function("ReplayDeadLetter")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> Replay(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = DeadLetters + "/{deadLetterId}/replay")]
        HttpRequest request,
        string deadLetterId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        return await deadLetters.ReplayAsync(deadLetterId, cancellationToken)
            ? ApiResults.Accepted("/api/admin/notifications/dead-letters", new { deadLetterId, status = "replayed" })
                .NoStore()
            : ApiResults.Problem(
                request.HttpContext, Failure.NotFound("dead-letter-not-found", "No such dead letter.")).NoStore();
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
