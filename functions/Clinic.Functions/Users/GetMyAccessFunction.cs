using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Users;

/// <summary>
/// The caller's rights as the users table confirms them, whatever their sign-in token claims.
/// </summary>
public sealed class GetMyAccessFunction
{
    [Function("GetMyAccess")]
    [FunctionAccess(AccessPolicy.Owner)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/access")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = CallerContext.Get(request.HttpContext);
        var roles = caller.Roles.Order(StringComparer.Ordinal).ToList();
        return ApiResults.Ok(new { roles, doctorId = caller.DoctorId }).NoStore();
    }
}
