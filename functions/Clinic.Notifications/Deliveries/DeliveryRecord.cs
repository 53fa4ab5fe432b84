using Clinic.Notifications.Pipeline;

namespace Clinic.Notifications.Deliveries;

/// <summary>
/// The record of one delivery, under its <see cref="DeliveryKey"/>. <see cref="Reason"/> is a code (such as
/// <c>no-consent</c> or a provider's status), never text from the message.
/// </summary>
public sealed record DeliveryRecord(
    DeliveryKey Key,
    DeliveryState State,
    int Attempts,
    string? Reason,
    string? ProviderMessageId,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True once nothing more will be tried.</summary>
    public bool IsFinal => State is DeliveryState.Sent or DeliveryState.Failed or DeliveryState.Suppressed;

    /// <summary>True while an instance sends it, under a lease that has not run out by then.</summary>
    public bool IsHeldAt(DateTimeOffset now) => State == DeliveryState.Sending && LeaseUntil > now;
}
