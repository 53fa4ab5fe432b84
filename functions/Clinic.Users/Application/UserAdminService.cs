using Clinic.Platform.Errors;
using Clinic.Platform.Identity;
using Clinic.Platform.Privacy;
using Clinic.Users.Contracts;
using Clinic.Users.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Application;

/// <summary>
/// What admins do to accounts: list them, give and take the doctor and admin roles, link a doctor account to
/// its doctor, disable and enable. Users are addressed by pseudonym. Every change is conditional on the
/// version read (tried twice, then refused as a conflict) and logged with both admin and user pseudonymous.
/// </summary>
public sealed class UserAdminService(
    IUserStore users,
    IDoctorExistence doctors,
    Pseudonymizer pseudonymizer,
    IOptions<UsersOptions> options,
    ILogger<UserAdminService> logger)
{
    private const int MaxAttempts = 2;
    private const string DoctorIdRule =
        "Give a doctor id: up to 64 lowercase letters, digits and '-', not starting with '-'.";

    public async Task<Result<UserListResponse>> ListAsync(Caller admin, CancellationToken cancellationToken)
    {
        if (RefuseNonAdmin(admin) is { } refusal)
            return refusal;

        var page = await users.ListAsync(options.Value.MaxListedUsers, cancellationToken);
        var summaries = page.Users
            .Select(user => UsersViews.ToSummary(user, pseudonymizer))
            .OrderBy(summary => summary.DisplayName ?? "", StringComparer.OrdinalIgnoreCase)
            .ThenBy(summary => summary.Pseudonym, StringComparer.Ordinal)
            .ToList();
        return new UserListResponse(summaries, page.Truncated);
    }

    public async Task<Result<UserSummaryResponse>> GetAsync(
        Caller admin, string? pseudonym, CancellationToken cancellationToken)
    {
        if (Refuse(admin, pseudonym, new FieldErrors()) is { } refusal)
            return refusal;

        var stored = await users.FindByPseudonymAsync(pseudonym!, cancellationToken);
        return stored is null ? UsersFailures.UserNotFound : UsersViews.ToSummary(stored.User, pseudonymizer);
    }

    /// <summary>
    /// Gives <c>doctor</c> or <c>admin</c>; giving a role the user already has changes nothing.
    /// </summary>
    public async Task<Result<UserSummaryResponse>> AssignRoleAsync(
        Caller admin, string? pseudonym, ChangeRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var role = request.Role;
        if (Refuse(admin, pseudonym, RoleErrors(role)) is { } refusal)
            return refusal;

        return await ChangeAsync(
            admin,
            pseudonym!,
            user => user.WithRole(role!),
            (by, whom) => Log.UserRoleAssigned(logger, by, role!, whom),
            cancellationToken);
    }

    /// <summary>Takes <c>doctor</c> or <c>admin</c> away; admins cannot take their own admin role.</summary>
    public async Task<Result<UserSummaryResponse>> RemoveRoleAsync(
        Caller admin, string? pseudonym, string? role, CancellationToken cancellationToken)
    {
        if (Refuse(admin, pseudonym, RoleErrors(role)) is { } refusal)
            return refusal;

        return await ChangeAsync(
            admin,
            pseudonym!,
            user => IsSelf(admin, user) && role == Roles.Admin
                ? UsersFailures.CannotRemoveOwnAdmin
                : user.WithoutRole(role!),
            (by, whom) => Log.UserRoleRemoved(logger, by, role!, whom),
            cancellationToken);
    }

    /// <summary>Lets the user act as an existing doctor, replacing any earlier link.</summary>
    public async Task<Result<UserSummaryResponse>> LinkDoctorAsync(
        Caller admin, string? pseudonym, LinkDoctorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var doctorId = request.DoctorId;
        var errors = new FieldErrors();
        if (!UserIds.IsDoctorId(doctorId))
            errors.Add("doctorId", DoctorIdRule);
        if (Refuse(admin, pseudonym, errors) is { } refusal)
            return refusal;

        if (!await doctors.ExistsAsync(doctorId!, cancellationToken))
            return UsersFailures.DoctorNotFound;

        return await ChangeAsync(
            admin,
            pseudonym!,
            user => user.LinkedTo(doctorId),
            (by, whom) => Log.DoctorLinked(logger, by, whom, doctorId!),
            cancellationToken);
    }

    public async Task<Result<UserSummaryResponse>> UnlinkDoctorAsync(
        Caller admin, string? pseudonym, CancellationToken cancellationToken)
    {
        if (Refuse(admin, pseudonym, new FieldErrors()) is { } refusal)
            return refusal;

        var previous = "";
        return await ChangeAsync(
            admin,
            pseudonym!,
            user =>
            {
                previous = user.DoctorId ?? "";
                return user.LinkedTo(null);
            },
            (by, whom) => Log.DoctorUnlinked(logger, by, whom, previous),
            cancellationToken);
    }

    /// <summary>
    /// Refuses the account from its next request and sign-in on; admins cannot disable themselves.
    /// </summary>
    public async Task<Result<UserSummaryResponse>> DisableAsync(
        Caller admin, string? pseudonym, CancellationToken cancellationToken)
    {
        if (Refuse(admin, pseudonym, new FieldErrors()) is { } refusal)
            return refusal;

        return await ChangeAsync(
            admin,
            pseudonym!,
            user => IsSelf(admin, user) ? UsersFailures.CannotDisableSelf : user.WithDisabled(true),
            (by, whom) => Log.UserDisabled(logger, by, whom),
            cancellationToken);
    }

    public async Task<Result<UserSummaryResponse>> EnableAsync(
        Caller admin, string? pseudonym, CancellationToken cancellationToken)
    {
        if (Refuse(admin, pseudonym, new FieldErrors()) is { } refusal)
            return refusal;

        return await ChangeAsync(
            admin,
            pseudonym!,
            user => user.WithDisabled(false),
            (by, whom) => Log.UserEnabled(logger, by, whom),
            cancellationToken);
    }

    private async Task<Result<UserSummaryResponse>> ChangeAsync(
        Caller admin,
        string pseudonym,
        Func<UserRecord, Result<UserRecord>> change,
        Action<string, string> audit,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await users.FindByPseudonymAsync(pseudonym, cancellationToken);
            if (stored is null)
                return UsersFailures.UserNotFound;

            var changed = change(stored.User);
            if (!changed.Succeeded)
                return changed.Failure;
            if (ReferenceEquals(changed.Value, stored.User))
                return UsersViews.ToSummary(stored.User, pseudonymizer);

            if (await users.TryReplaceAsync(stored, changed.Value, cancellationToken))
            {
                audit(pseudonymizer.Pseudonymize(admin.UserId), pseudonym);
                return UsersViews.ToSummary(changed.Value, pseudonymizer);
            }

            // Someone wrote first (a sign-in, most often): apply the change once more to what is there now.
            if (attempt == MaxAttempts)
            {
                Log.UserUpdateConflict(logger, pseudonym);
                return UsersFailures.UserChanged;
            }
        }
    }

    private Failure? Refuse(Caller admin, string? pseudonym, FieldErrors errors)
    {
        if (RefuseNonAdmin(admin) is { } refusal)
            return refusal;

        if (!Pseudonymizer.IsPseudonym(pseudonym))
            errors.Add("pseudonym", "Give a user's pseudonym as the user list shows it.");
        return errors.IsEmpty ? null : errors.ToFailure();
    }

    /// <summary>
    /// The functions admit admins only; this second check keeps a wiring slip from opening a door.
    /// </summary>
    private Failure? RefuseNonAdmin(Caller admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (admin.IsAdmin)
            return null;

        Log.AccessDenied(logger, pseudonymizer.Pseudonymize(admin.UserId), "not-admin");
        return UsersFailures.AdminsOnly;
    }

    private static FieldErrors RoleErrors(string? role)
    {
        var errors = new FieldErrors();
        if (!AssignableRoles.Contains(role))
            errors.Add("role", "Choose doctor or admin; every user is a patient already.");
        return errors;
    }

    private static bool IsSelf(Caller admin, UserRecord user) =>
        string.Equals(admin.UserId, user.UserId, StringComparison.Ordinal);
}
