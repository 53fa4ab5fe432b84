using Clinic.Platform.Errors;
using Clinic.Platform.Identity;

namespace Clinic.Users.Application;

/// <summary>
/// Confirms a signed-in principal against the users table with one point read per request, uncached, so a
/// disabled account or a removed role takes effect on the next request. The roles a principal claims are
/// ignored: Static Web Apps only learns assigned roles at sign-in, and the header can be stale. A refusal is
/// not logged here: the access gate logs each denial once, with the function it was for.
/// </summary>
public sealed class UserCallerResolver(IUserStore users) : ICallerResolver
{
    private static readonly IReadOnlySet<string> PatientOnly =
        new HashSet<string>([Roles.Patient], StringComparer.Ordinal);

    public async Task<Result<Caller>> ResolveAsync(
        ClientPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!UserIds.IsUserId(principal.UserId))
            return Failure.Unauthenticated("The sign-in information of this request could not be read.");

        var stored = await users.FindAsync(principal.UserId, cancellationToken);
        if (stored is null)
            return new Caller(principal.UserId, PatientOnly, null);

        var user = stored.User;
        if (user.Disabled)
            return UsersFailures.AccountDisabled;

        // A doctor link without the doctor role grants nothing: the role is what an admin gives and takes.
        var doctorId = user.HasRole(Roles.Doctor) ? user.DoctorId : null;
        return new Caller(user.UserId, user.EffectiveRoles.ToHashSet(StringComparer.Ordinal), doctorId);
    }
}
