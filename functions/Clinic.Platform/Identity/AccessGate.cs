using Clinic.Platform.Errors;
using Clinic.Platform.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Identity;

/// <summary>
/// Enforces a function's declared policy, the same way in the Functions app and the local host: reads the
/// principal, confirms it against the users table (disabled users and unassigned roles are refused), and
/// hands the confirmed caller to the function. A function without a policy is refused outright.
/// </summary>
public sealed partial class AccessGate(
    ICallerResolver callers,
    Pseudonymizer pseudonyms,
    ILogger<AccessGate> logger)
{
    public async Task<Failure?> AdmitAsync(
        HttpContext context, AccessPolicy? policy, string functionName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (policy is null)
        {
            LogNoPolicy(logger, functionName);
            return Failure.Forbidden("This function is not available.");
        }

        if (policy == AccessPolicy.Anonymous)
            return null;

        var principal = ClientPrincipalReader.Read(context.Request);
        if (!principal.Succeeded)
            return Deny(functionName, policy.Value, "no readable principal", null, principal.Failure);

        var caller = await callers.ResolveAsync(principal.Value, cancellationToken);
        if (!caller.Succeeded)
            return Deny(functionName, policy.Value, "user refused", principal.Value.UserId, caller.Failure);

        if (!Satisfies(caller.Value, policy.Value))
        {
            return Deny(functionName, policy.Value, "role not assigned", principal.Value.UserId,
                Failure.Forbidden("Your account may not use this function."));
        }

        CallerContext.Set(context, caller.Value);
        return null;
    }

    private static bool Satisfies(Caller caller, AccessPolicy policy) => policy switch
    {
        AccessPolicy.Owner => true,
        AccessPolicy.Doctor => caller.IsDoctor || caller.IsAdmin,
        AccessPolicy.Admin => caller.IsAdmin,
        _ => false,
    };

    private Failure Deny(
        string functionName,
        AccessPolicy policy,
        string reason,
        string? userId,
        Failure failure)
    {
        var user = userId is null ? "anonymous" : pseudonyms.Pseudonymize(userId);
        LogAccessDenied(logger, functionName, policy, reason, user);
        return failure;
    }

    [LoggerMessage(1010, LogLevel.Warning,
        "Access to {FunctionName} ({Policy}) denied: {Reason}, user {UserPseudonym}",
        EventName = "AccessDenied")]
    private static partial void LogAccessDenied(
        ILogger logger, string functionName, AccessPolicy policy, string reason, string userPseudonym);

    [LoggerMessage(1011, LogLevel.Error, "Function {FunctionName} declares no access policy and was refused",
        EventName = "FunctionWithoutPolicy")]
    private static partial void LogNoPolicy(ILogger logger, string functionName);
}
