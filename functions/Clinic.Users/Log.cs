using Microsoft.Extensions.Logging;

namespace Clinic.Users;

/// <summary>
/// The users module's events, ids 3000-3099. Ids and names are stable: dashboards and alerts query them.
/// Users appear only as pseudonyms; no user id, name, email or phone is ever an argument here.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Information,
        "User {UserPseudonym} signed in with {IdentityProvider} (disabled: {Disabled}); roles given: {Roles}",
        EventName = "UserSignedIn")]
    public static partial void UserSignedIn(
        ILogger logger, string userPseudonym, string identityProvider, bool disabled, string roles);

    [LoggerMessage(3002, LogLevel.Information,
        "User {UserPseudonym} registered at first sign-in with {IdentityProvider}",
        EventName = "UserRegistered")]
    public static partial void UserRegistered(ILogger logger, string userPseudonym, string identityProvider);

    [LoggerMessage(3010, LogLevel.Information,
        "Admin {AdminPseudonym} assigned role {Role} to user {UserPseudonym}",
        EventName = "UserRoleAssigned")]
    public static partial void UserRoleAssigned(
        ILogger logger, string adminPseudonym, string role, string userPseudonym);

    [LoggerMessage(3011, LogLevel.Information,
        "Admin {AdminPseudonym} removed role {Role} from user {UserPseudonym}",
        EventName = "UserRoleRemoved")]
    public static partial void UserRoleRemoved(
        ILogger logger, string adminPseudonym, string role, string userPseudonym);

    [LoggerMessage(3012, LogLevel.Information, "Admin {AdminPseudonym} disabled user {UserPseudonym}",
        EventName = "UserDisabled")]
    public static partial void UserDisabled(ILogger logger, string adminPseudonym, string userPseudonym);

    [LoggerMessage(3013, LogLevel.Information, "Admin {AdminPseudonym} enabled user {UserPseudonym}",
        EventName = "UserEnabled")]
    public static partial void UserEnabled(ILogger logger, string adminPseudonym, string userPseudonym);

    [LoggerMessage(3014, LogLevel.Information,
        "Admin {AdminPseudonym} linked user {UserPseudonym} to doctor {DoctorId}",
        EventName = "DoctorLinked")]
    public static partial void DoctorLinked(
        ILogger logger, string adminPseudonym, string userPseudonym, string doctorId);

    [LoggerMessage(3015, LogLevel.Information,
        "Admin {AdminPseudonym} unlinked user {UserPseudonym} from doctor {DoctorId}",
        EventName = "DoctorUnlinked")]
    public static partial void DoctorUnlinked(
        ILogger logger, string adminPseudonym, string userPseudonym, string doctorId);

    [LoggerMessage(3020, LogLevel.Warning, "Access denied to user {UserPseudonym}: {Reason}",
        EventName = "AdminServiceRefused")]
    public static partial void AccessDenied(ILogger logger, string userPseudonym, string reason);

    [LoggerMessage(3021, LogLevel.Information,
        "Update of user {UserPseudonym} lost to concurrent writes twice; the request was refused",
        EventName = "UserUpdateConflict")]
    public static partial void UserUpdateConflict(ILogger logger, string userPseudonym);

    [LoggerMessage(3030, LogLevel.Information, "User {UserPseudonym} updated their profile",
        EventName = "ProfileUpdated")]
    public static partial void ProfileUpdated(ILogger logger, string userPseudonym);

    [LoggerMessage(3031, LogLevel.Information, "User {UserPseudonym} changed SMS consent to {SmsConsent}",
        EventName = "SmsConsentChanged")]
    public static partial void SmsConsentChanged(ILogger logger, string userPseudonym, bool smsConsent);

    [LoggerMessage(3032, LogLevel.Information,
        "Profile update of user {UserPseudonym} lost to concurrent writes twice; the request was refused",
        EventName = "ProfileUpdateConflict")]
    public static partial void ProfileUpdateConflict(ILogger logger, string userPseudonym);

    [LoggerMessage(3050, LogLevel.Information, "Seeded {Users} demo users and {Profiles} demo profiles",
        EventName = "DemoUsersSeeded")]
    public static partial void DemoUsersSeeded(ILogger logger, int users, int profiles);
}
