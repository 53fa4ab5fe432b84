namespace Clinic.Notifications.Deliveries;

/// <summary>Where one delivery stands; administrators read it.</summary>
public enum DeliveryState
{
    /// <summary>On its channel's queue.</summary>
    Queued,

    /// <summary>An instance holds it and is sending, until <see cref="DeliveryRecord.LeaseUntil"/>.</summary>
    Sending,

    /// <summary>Accepted by the provider (or written to the local outbox).</summary>
    Sent,

    /// <summary>A send failed for a reason that may pass (or was throttled); queued again with a delay.</summary>
    Retrying,

    /// <summary>An SMS waiting for the end of the patient's quiet hours.</summary>
    Deferred,

    /// <summary>The provider refused it for good (an invalid address); not retried.</summary>
    Failed,

    /// <summary>Every retry failed: the message is in the dead-letter list, and an alert was raised.</summary>
    DeadLettered,

    /// <summary>Not sent, on purpose: no consent, no address, or the appointment changed since.</summary>
    Suppressed,
}
