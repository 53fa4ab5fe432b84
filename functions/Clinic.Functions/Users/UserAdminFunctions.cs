using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Users.Application;
using Clinic.Users.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Users;

/// <summary>
/// The admin API over users. Users are addressed by pseudonym, so no user id, name or email ever appears in
/// a route, a query string or request telemetry.
/// </summary>
public sealed class UserAdminFunctions(UserAdminService admin)
{
    private const string User = "admin/users/{pseudonym}";

    [Function("ListUsers")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/users")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Respond(request, await admin.ListAsync(Caller(request), cancellationToken));

    [Function("GetUser")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = User)] HttpRequest request,
        string pseudonym,
        CancellationToken cancellationToken) =>
        Respond(request, await admin.GetAsync(Caller(request), pseudonym, cancellationToken));

    [Function("AssignUserRole")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> AssignRole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = User + "/roles")] HttpRequest request,
        string pseudonym,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ChangeRoleRequest>(request, cancellationToken);
        return body.Succeeded
            ? Respond(request, await admin.AssignRoleAsync(
                Caller(request), pseudonym, body.Value, cancellationToken))
            : ApiResults.Problem(request.HttpContext, body.Failure);
    }

    [Function("RemoveUserRole")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> RemoveRole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = User + "/roles/{role}")]
        HttpRequest request,
        string pseudonym,
        string role,
        CancellationToken cancellationToken) =>
        Respond(request, await admin.RemoveRoleAsync(Caller(request), pseudonym, role, cancellationToken));

    [Function("LinkUserDoctor")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> LinkDoctor(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = User + "/doctor")] HttpRequest request,
        string pseudonym,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<LinkDoctorRequest>(request, cancellationToken);
        return body.Succeeded
            ? Respond(request, await admin.LinkDoctorAsync(
                Caller(request), pseudonym, body.Value, cancellationToken))
            : ApiResults.Problem(request.HttpContext, body.Failure);
    }

    [Function("UnlinkUserDoctor")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> UnlinkDoctor(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = User + "/doctor")] HttpRequest request,
        string pseudonym,
        CancellationToken cancellationToken) =>
        Respond(request, await admin.UnlinkDoctorAsync(Caller(request), pseudonym, cancellationToken));

    [Function("DisableUser")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> Disable(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = User + "/disable")] HttpRequest request,
        string pseudonym,
        CancellationToken cancellationToken) =>
        Respond(request, await admin.DisableAsync(Caller(request), pseudonym, cancellationToken));

    [Function("EnableUser")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> Enable(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = User + "/enable")] HttpRequest request,
        string pseudonym,
        CancellationToken cancellationToken) =>
        Respond(request, await admin.EnableAsync(Caller(request), pseudonym, cancellationToken));

    private static Caller Caller(HttpRequest request) => CallerContext.Get(request.HttpContext);

    private static ApiResult Respond<T>(HttpRequest request, Result<T> result) =>
        result.ToApiResult(request.HttpContext, value => ApiResults.Ok(value!).NoStore());
}
