namespace Clinic.Notifications.Deliveries;

/// <summary>A delivery as read, with the version token that guards a change of it.</summary>
public sealed record StoredDelivery(DeliveryRecord Record, string ConcurrencyToken);
