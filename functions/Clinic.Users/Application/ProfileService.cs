using Clinic.Platform.Errors;
using Clinic.Platform.Privacy;
using Clinic.Users.Contracts;
using Clinic.Users.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Clinic.Users.Application;

/// <summary>
/// The signed-in user's own profile: read it (an empty one before the first save) and replace it. The time
/// SMS consent was given comes from the server's clock, so it can serve as a record of consent.
/// </summary>
public sealed class ProfileService(
    IProfileStore profiles,
    Pseudonymizer pseudonymizer,
    IClock clock,
    IOptions<UsersOptions> options,
    ILogger<ProfileService> logger)
{
    private const int MaxAttempts = 2;

    public async Task<ProfileResponse> GetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);

        var stored = await profiles.FindAsync(userId, cancellationToken);
        return UsersViews.ToResponse(stored?.Profile ?? UserProfile.Empty);
    }

    public async Task<Result<ProfileResponse>> UpdateAsync(
        string userId, UpdateProfileRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);

        var validated = ProfileValidator.Validate(request, options.Value.DefaultPhoneRegion);
        if (!validated.Succeeded)
            return validated.Failure;

        for (var attempt = 1; ; attempt++)
        {
            var current = await profiles.FindAsync(userId, cancellationToken);
            var updated = Stamp(validated.Value, current?.Profile, clock.GetCurrentInstant());
            if (await profiles.TrySaveAsync(userId, updated, current?.ConcurrencyToken, cancellationToken))
            {
                LogSaved(userId, current?.Profile, updated);
                return UsersViews.ToResponse(updated);
            }

            // Another save of this profile (a second tab, a retry) landed first: redo it on top of that one.
            if (attempt == MaxAttempts)
            {
                Log.ProfileUpdateConflict(logger, pseudonymizer.Pseudonymize(userId));
                return UsersFailures.ProfileChanged;
            }
        }
    }

    /// <summary>
    /// Consent keeps the time it was given while it lasts; withdrawing it clears that time.
    /// </summary>
    private static UserProfile Stamp(UserProfile validated, UserProfile? current, Instant now)
    {
        Instant? consentGivenAt = !validated.SmsConsent
            ? null
            : current is { SmsConsent: true, SmsConsentGivenAt: { } earlier } ? earlier : now;
        return validated with { SmsConsentGivenAt = consentGivenAt, UpdatedAt = now };
    }

    private void LogSaved(string userId, UserProfile? previous, UserProfile saved)
    {
        var pseudonym = pseudonymizer.Pseudonymize(userId);
        Log.ProfileUpdated(logger, pseudonym);
        if ((previous?.SmsConsent ?? false) != saved.SmsConsent)
            Log.SmsConsentChanged(logger, pseudonym, saved.SmsConsent);
    }
}
