namespace Clinic.Notifications.Pipeline;

/// <summary>How a message reaches a patient; each channel has its own queue, so one cannot hold up the other.</summary>
public enum NotificationChannel
{
    Email,
    Sms,
}
