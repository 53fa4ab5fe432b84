using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Users.Application;
using Clinic.Users.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Users;

public sealed class UpdateMyProfileFunction(ProfileService profiles)
{
    [Function("UpdateMyProfile")]
    [FunctionAccess(AccessPolicy.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me/profile")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = CallerContext.Get(request.HttpContext);
        var body = await JsonBody.ReadAsync<UpdateProfileRequest>(request, cancellationToken);
        if (!body.Succeeded)
            return ApiResults.Problem(request.HttpContext, body.Failure);

        var result = await profiles.UpdateAsync(caller.UserId, body.Value, cancellationToken);
        return result.ToApiResult(request.HttpContext, value => ApiResults.Ok(value).NoStore());
    }
}
