using Clinic.Platform.Errors;

namespace Clinic.Users.Application;

/// <summary>The refusals of the users module, each with a stable code that becomes a problem type.</summary>
public static class UsersFailures
{
    public static readonly Failure UserNotFound =
        Failure.NotFound("user-not-found", "There is no such user.");

    public static readonly Failure DoctorNotFound =
        Failure.NotFound("doctor-not-found", "There is no such doctor.");

    public static readonly Failure AccountDisabled =
        Failure.Forbidden("This account is disabled. Please contact the clinic.");

    public static readonly Failure AdminsOnly = Failure.Forbidden("Only an admin may do this.");

    public static readonly Failure CannotDisableSelf =
        Failure.Unprocessable("cannot-disable-self", "Admins cannot disable their own account.");

    public static readonly Failure CannotRemoveOwnAdmin =
        Failure.Unprocessable("cannot-remove-own-admin", "Admins cannot remove their own admin role.");

    public static readonly Failure UserChanged = Failure.Conflict(
        "user-changed", "The user changed while this request ran. Please reload and try again.");

    public static readonly Failure ProfileChanged = Failure.Conflict(
        "profile-changed", "The profile changed while this request ran. Please reload and try again.");
}
