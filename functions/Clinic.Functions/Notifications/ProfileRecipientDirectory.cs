using Clinic.Notifications.Recipients;
using Clinic.Users.Application;
using Clinic.Users.Domain;

namespace Clinic.Functions.Notifications;

/// <summary>The users module's profiles, as the notification flow reads its recipients.</summary>
internal sealed class ProfileRecipientDirectory(ProfileService profiles) : IRecipientDirectory
{
    public async Task<Recipient?> FindAsync(string patientId, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(patientId, cancellationToken);
        if (profile.UpdatedAt is null)
            return null;

        return new Recipient(profile.DisplayName, profile.Email, profile.Phone, profile.PreferredLanguage,
            profile.TimeZone, profile.NotificationChannels.Contains(NotificationChannels.Email),
            profile.NotificationChannels.Contains(NotificationChannels.Sms), profile.SmsConsent);
    }
}
