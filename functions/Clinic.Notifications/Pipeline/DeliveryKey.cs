using System.Globalization;
using Clinic.Notifications.Content;

namespace Clinic.Notifications.Pipeline;

/// <summary>
/// Names one delivery: an appointment, what is said about it, the appointment's version and the channel. Every
/// send is recorded under it, so a message delivered twice or handled by two instances at once is sent once.
/// </summary>
public sealed record DeliveryKey(
    string AppointmentId, NotificationKind Kind, int Version, NotificationChannel Channel)
{
    /// <summary>The delivery's row key, and the idempotency key the provider gets.</summary>
    public string Name =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind}-v{Version}-{Channel}").ToLowerInvariant();

    public string IdempotencyKey => $"{AppointmentId}-{Name}";
}
