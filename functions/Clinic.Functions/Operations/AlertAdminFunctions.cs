using Clinic.Platform.Alerts;
using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Platform.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Operations;

/// <summary>Admins see the alerts that critical errors raised, and acknowledge them.</summary>
public sealed class AlertAdminFunctions(AlertTable alerts, Pseudonymizer pseudonyms, TimeProvider time)
{
    private const int MaxListed = 200;

    [Function("ListAlerts")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/alerts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var recent = await alerts.ListRecentAsync(time.GetUtcNow(), MaxListed, cancellationToken);
        return ApiResults.Ok(new { alerts = recent }).NoStore();
    }

    [Function("AcknowledgeAlert")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> Acknowledge(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/alerts/{alertId}/acknowledge")]
        HttpRequest request,
        string alertId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var admin = pseudonyms.Pseudonymize(CallerContext.Get(request.HttpContext).UserId);
        var alert = await alerts.AcknowledgeAsync(alertId, admin, time.GetUtcNow(), cancellationToken);
        return alert is null
            ? ApiResults.Problem(
                request.HttpContext, Failure.NotFound("alert-not-found", "There is no such alert."))
            : ApiResults.Ok(alert).NoStore();
    }
}
