namespace Clinic.Notifications.Deliveries;

/// <summary>The logical names of the notification tables (the platform adds the configured prefix).</summary>
public static class NotificationTables
{
    public const string Deliveries = "NotificationDeliveries";
    public const string DeadLetters = "NotificationDeadLetters";
}
