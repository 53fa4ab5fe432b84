namespace Clinic.Users.Domain;

/// <summary>How a patient may be notified, spelled as the API and the profile table carry it.</summary>
public static class NotificationChannels
{
    public const string Email = "email";
    public const string Sms = "sms";

    public static IReadOnlyList<string> All { get; } = [Email, Sms];
}
