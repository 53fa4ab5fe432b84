using Clinic.Platform.Identity;
using Clinic.Users.Application;
using Clinic.Users.Domain;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Clinic.Users.DemoData;

/// <summary>
/// Adds the demo accounts and the demo patient's profile where they are missing. Running it again changes
/// nothing, and it never overwrites what was changed since (an admin's role change, a profile edit).
/// </summary>
public sealed class UsersDemoDataSeeder(
    IUserStore users, IProfileStore profiles, IClock clock, ILogger<UsersDemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();

        var usersAdded = 0;
        foreach (var user in Accounts(now))
        {
            if (await users.AddAsync(user, cancellationToken))
                usersAdded++;
        }

        var profileAdded = await profiles.TrySaveAsync(
            UsersDemoData.PatientUserId, PatientProfile(now), expectedToken: null, cancellationToken);

        Log.DemoUsersSeeded(logger, usersAdded, profileAdded ? 1 : 0);
    }

    private static IEnumerable<UserRecord> Accounts(Instant now)
    {
        yield return Account(
            UsersDemoData.AdminUserId, UsersDemoData.AdminDisplayName, Roles.Admin, doctorId: null, now);
        yield return Account(
            UsersDemoData.PatientUserId, UsersDemoData.PatientDisplayName, role: null, doctorId: null, now);
        foreach (var doctor in UsersDemoData.DoctorAccounts)
            yield return Account(doctor.UserId, doctor.DisplayName, Roles.Doctor, doctor.DoctorId, now);
    }

    private static UserRecord Account(
        string userId, string displayName, string? role, string? doctorId, Instant now)
    {
        var roles = UserRecord.NoRoles();
        if (role is not null)
            roles.Add(role);
        return new UserRecord(
            userId, UsersDemoData.IdentityProvider, roles, doctorId, Disabled: false, displayName, now, null);
    }

    private static UserProfile PatientProfile(Instant now) => new(
        UsersDemoData.PatientDisplayName,
        UsersDemoData.PatientEmail,
        UsersDemoData.PatientPhone,
        "en-US",
        "America/New_York",
        [NotificationChannels.Email, NotificationChannels.Sms],
        SmsConsent: true,
        SmsConsentGivenAt: now,
        UpdatedAt: now);
}
