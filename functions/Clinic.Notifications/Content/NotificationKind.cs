namespace Clinic.Notifications.Content;

/// <summary>Why a patient is told about an appointment; each kind has its own templates.</summary>
public enum NotificationKind
{
    /// <summary>The appointment was booked.</summary>
    Confirmation,

    /// <summary>The appointment was cancelled.</summary>
    Cancellation,

    /// <summary>The appointment was moved to another time.</summary>
    Reschedule,

    /// <summary>The appointment is coming up.</summary>
    Reminder,

    /// <summary>The appointment's payment failed for good; the appointment stands and can be paid again.</summary>
    PaymentFailed,
}
