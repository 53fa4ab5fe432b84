using Clinic.Platform.Errors;
using Clinic.Platform.Privacy;
using Clinic.Platform.Storage;
using Clinic.Users.Contracts;
using Clinic.Users.Domain;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Clinic.Users.Application;

/// <summary>
/// The logic of the Static Web Apps <c>rolesSource</c> function, run at every sign-in: everyone is a patient,
/// plus what an admin assigned; a disabled account gets no roles. A first sign-in creates the user's record,
/// so admins can find the account; every sign-in updates its last sign-in time.
/// </summary>
public sealed class RoleAssignmentService(
    IUserStore users, Pseudonymizer pseudonymizer, IClock clock, ILogger<RoleAssignmentService> logger)
{
    public async Task<Result<RoleAssignmentResponse>> AssignAsync(
        RoleAssignmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var errors = new FieldErrors();
        if (!UserIds.IsUserId(request.UserId))
        {
            errors.Add(
                "userId",
                $"Give the user's id, at most {TableKey.MaxEncodedLength} characters once encoded.");
        }
        if (!UserIds.IsIdentityProvider(request.IdentityProvider))
            errors.Add("identityProvider", "Give the name of the identity provider.");
        if (!errors.IsEmpty)
            return errors.ToFailure();

        var provider = request.IdentityProvider!;
        var user = await FindOrRegisterAsync(
            request.UserId!, provider, request.UserDetails, cancellationToken);

        IReadOnlyList<string> roles = user.Disabled ? [] : user.EffectiveRoles;
        var pseudonym = pseudonymizer.Pseudonymize(user.UserId);
        Log.UserSignedIn(logger, pseudonym, provider, user.Disabled, string.Join(',', roles));
        return new RoleAssignmentResponse(roles);
    }

    private async Task<UserRecord> FindOrRegisterAsync(
        string userId, string identityProvider, string? userDetails, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var stored = await users.FindAsync(userId, cancellationToken);
        if (stored is null)
        {
            var registered = UserRecord.Register(userId, identityProvider, DisplayNameFrom(userDetails), now);
            if (await users.AddAsync(registered, cancellationToken))
            {
                Log.UserRegistered(logger, pseudonymizer.Pseudonymize(userId), identityProvider);
                return registered;
            }

            // A parallel first sign-in of the same user created the record a moment ago: use that one.
            stored = await users.FindAsync(userId, cancellationToken)
                ?? throw new InvalidOperationException("A user record vanished right after it was created.");
        }

        await users.RecordSignInAsync(userId, now, cancellationToken);
        return stored.User with { LastSignInAt = now };
    }

    /// <summary>userDetails is an email or a handle: kept, bounded, as the name that admins see.</summary>
    private static string? DisplayNameFrom(string? userDetails)
    {
        var name = userDetails?.Trim();
        if (string.IsNullOrEmpty(name))
            return null;

        if (name.Length <= UserRecord.MaxDisplayNameLength)
            return name;

        var cut = UserRecord.MaxDisplayNameLength;
        return char.IsHighSurrogate(name[cut - 1]) ? name[..(cut - 1)] : name[..cut];
    }
}
