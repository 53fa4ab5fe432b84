using Clinic.Notifications.Pipeline;

namespace Clinic.Notifications.Tests.Pipeline;

/// <summary>
/// The senders name each queue from the options; the triggers name it by the app setting, which the hosts
/// resolve and lower-case. Both must land on the same queue, whatever the prefix.
/// </summary>
public sealed class NotificationQueuesTests
{
    [Fact]
    public void Names_defaultPrefix_theQueuesTheDeploymentCreates()
    {
        var queues = new NotificationQueues(new NotificationOptions().QueuePrefix);

        Assert.Equal(
            ["notify-events", "notify-email", "notify-sms"],
            [queues.Events, queues.For(NotificationChannel.Email), queues.For(NotificationChannel.Sms)]);
        Assert.Equal(
            ["notify-events-poison", "notify-email-poison", "notify-sms-poison"],
            [queues.EventsPoison, queues.EmailPoison, queues.SmsPoison]);
    }

    [Theory]
    [InlineData("notify")]
    [InlineData("bench-3f9a0c")]
    [InlineData("Bench-3F9A0C")]
    public void Triggers_resolvedAsTheHostsDo_nameTheQueuesTheSendersUse(string prefix)
    {
        var queues = new NotificationQueues(prefix);
        string[] triggers =
        [
            NotificationQueues.EventsTrigger, NotificationQueues.EmailTrigger, NotificationQueues.SmsTrigger,
            NotificationQueues.EventsPoisonTrigger, NotificationQueues.EmailPoisonTrigger,
            NotificationQueues.SmsPoisonTrigger,
        ];

        var resolved = triggers.Select(trigger => Resolve(trigger, prefix));

        Assert.Equal(
            [
                queues.Events, queues.Email, queues.Sms,
                queues.EventsPoison, queues.EmailPoison, queues.SmsPoison,
            ],
            resolved);
    }

    /// <summary>The setting put in, then the name lower-cased, as both hosts take a queue name.</summary>
    private static string Resolve(string trigger, string prefix) => trigger
        .Replace("%Notifications:QueuePrefix%", prefix, StringComparison.Ordinal)
        .ToLowerInvariant();
}
