using Clinic.Platform.Storage;

namespace Clinic.Users.Application;

/// <summary>
/// The shapes of ids that the users module accepts, checked before anything reaches storage.
/// </summary>
public static class UserIds
{
    public const int MaxIdentityProviderLength = 64;

    /// <summary>
    /// Static Web Apps user ids are opaque: any non-blank id that fits a table key will do.
    /// </summary>
    public static bool IsUserId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TableKey.CanEncode(id);

    /// <summary>Lowercase slugs such as <c>dr-amelia-hart</c>: <c>^[a-z0-9][a-z0-9-]{0,63}$</c>.</summary>
    public static bool IsDoctorId(string? id) =>
        id is { Length: > 0 and <= 64 }
        && IsLowerOrDigit(id[0])
        && id.All(c => IsLowerOrDigit(c) || c == '-');

    /// <summary>Provider names such as <c>aad</c>, <c>github</c> or a custom provider's name.</summary>
    public static bool IsIdentityProvider(string? name) =>
        name is { Length: > 0 and <= MaxIdentityProviderLength }
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static bool IsLowerOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
