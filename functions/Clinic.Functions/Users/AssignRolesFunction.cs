using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Users.Application;
using Clinic.Users.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Users;

/// <summary>
/// The Static Web Apps <c>rolesSource</c>: called by Static Web Apps after each sign-in, with the identity
/// provider, user id, user details and claims, it answers the roles the users table assigns. It is anonymous
/// because Static Web Apps calls it before the user has roles; what it answers grants nothing by itself,
/// since every other function confirms roles against the users table again.
/// </summary>
public sealed class AssignRolesFunction(RoleAssignmentService roles)
{
    [Function("AssignRoles")]
    [FunctionAccess(AccessPolicy.Anonymous)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/roles")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var body = await JsonBody.ReadAsync<RoleAssignmentRequest>(request, cancellationToken);
        if (!body.Succeeded)
            return ApiResults.Problem(request.HttpContext, body.Failure);

        var result = await roles.AssignAsync(body.Value, cancellationToken);
        return result.ToApiResult(request.HttpContext, value => ApiResults.Ok(value).NoStore());
    }
}
