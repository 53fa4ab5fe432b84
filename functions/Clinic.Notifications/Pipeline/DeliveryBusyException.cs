namespace Clinic.Notifications.Pipeline;

/// <summary>
/// Another instance holds this delivery right now. Thrown so the queue shows the message again later, when
/// the other instance has either sent it (and this copy is dropped) or lost its lease (and this copy sends).
/// </summary>
public sealed class DeliveryBusyException(string deliveryName)
    : Exception($"Delivery {deliveryName} is being sent by another instance.");
