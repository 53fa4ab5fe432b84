namespace Clinic.Notifications.Pipeline;

/// <summary>
/// One message to send on one channel, as it travels on that channel's queue. <see cref="Attempt"/> counts the
/// sends already tried: a retry is a new queue message with a later visibility, so the queue's own dequeue
/// count restarts and cannot measure the backoff.
/// </summary>
public sealed record ChannelWork(
    NotificationEvent Event,
    NotificationChannel Channel,
    int Attempt,
    DateTimeOffset FirstQueuedAt)
{
    public DeliveryKey Key => new(Event.AppointmentId, Event.Kind, Event.Version, Channel);
}
