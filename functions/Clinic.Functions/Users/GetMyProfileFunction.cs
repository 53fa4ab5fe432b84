using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Users.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Users;

public sealed class GetMyProfileFunction(ProfileService profiles)
{
    [Function("GetMyProfile")]
    [FunctionAccess(AccessPolicy.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/profile")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = CallerContext.Get(request.HttpContext);
        return ApiResults.Ok(await profiles.GetAsync(caller.UserId, cancellationToken)).NoStore();
    }
}
