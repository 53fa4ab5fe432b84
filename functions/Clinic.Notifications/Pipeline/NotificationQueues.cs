namespace Clinic.Notifications.Pipeline;

/// <summary>
/// The queues of the notification flow, named from <see cref="NotificationOptions.QueuePrefix"/>:
/// <c>{prefix}-events</c>, <c>{prefix}-email</c>, <c>{prefix}-sms</c>. The Functions host moves a message
/// that failed its last dequeue to the queue's <c>-poison</c> twin; the channel handlers put a message there
/// themselves when its sends are exhausted, so both kinds of dead letter meet in one place. The triggers
/// name the same queues through the app setting (the <c>…Trigger</c> constants), which both hosts resolve.
/// </summary>
public sealed class NotificationQueues
{
    public const string PoisonSuffix = "-poison";

    /// <summary>The prefix in a trigger's queue name: the app setting, resolved as the host starts.</summary>
    private const string PrefixSetting =
        "%" + NotificationOptions.SectionName + ":" + nameof(NotificationOptions.QueuePrefix) + "%";

    private const string EventsSuffix = "-events";
    private const string EmailSuffix = "-email";
    private const string SmsSuffix = "-sms";

    public const string EventsTrigger = PrefixSetting + EventsSuffix;
    public const string EmailTrigger = PrefixSetting + EmailSuffix;
    public const string SmsTrigger = PrefixSetting + SmsSuffix;
    public const string EventsPoisonTrigger = EventsTrigger + PoisonSuffix;
    public const string EmailPoisonTrigger = EmailTrigger + PoisonSuffix;
    public const string SmsPoisonTrigger = SmsTrigger + PoisonSuffix;

    public NotificationQueues(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);

        // Both hosts lower-case a trigger's queue name, and Storage takes no other: send where they listen.
        var name = prefix.ToLowerInvariant();
        Events = name + EventsSuffix;
        Email = name + EmailSuffix;
        Sms = name + SmsSuffix;
    }

    public string Events { get; }

    public string Email { get; }

    public string Sms { get; }

    public string EventsPoison => Events + PoisonSuffix;

    public string EmailPoison => Email + PoisonSuffix;

    public string SmsPoison => Sms + PoisonSuffix;

    public string For(NotificationChannel channel) => channel == NotificationChannel.Email ? Email : Sms;
}
