namespace Clinic.Notifications.Pipeline;

/// <summary>
/// The queues of the notification flow. The Functions host moves a message that failed its last dequeue to
/// the queue's <c>-poison</c> twin; the channel handlers put a message there themselves when its sends are
/// exhausted, so both kinds of dead letter meet in one place.
/// </summary>
public static class NotificationQueues
{
    public const string Events = "notify-events";
    public const string Email = "notify-email";
    public const string Sms = "notify-sms";

    public const string PoisonSuffix = "-poison";
    public const string EventsPoison = Events + PoisonSuffix;
    public const string EmailPoison = Email + PoisonSuffix;
    public const string SmsPoison = Sms + PoisonSuffix;

    public static string For(NotificationChannel channel) =>
        channel == NotificationChannel.Email ? Email : Sms;
}
