using Clinic.Notifications.Content;
using NodaTime;

namespace Clinic.Notifications.Tests.Content;

/// <summary>Fictional appointments for the notification tests.</summary>
internal static class SampleContent
{
    public const string AppointmentId = "3f2a9c0d4b1e4f7a8c6d5e4f3a2b1c0d";

    /// <summary>Tuesday 30 March 2027, 13:00 UTC: 15:00 in Paris, two days into summer time.</summary>
    public static readonly Instant Start = Instant.FromUtc(2027, 3, 30, 13, 0);

    public static NotificationContent For(NotificationKind kind, string? locale = "en-US") =>
        new(
            kind,
            AppointmentId,
            Sequence: 1,
            PatientDisplayName: "Ana Martín",
            DoctorDisplayName: "Dr. Claire Dubois",
            Start,
            Start + Duration.FromMinutes(30),
            PreviousStart: kind == NotificationKind.Reschedule ? Start - Duration.FromDays(2) : null,
            TimeZoneId: "Europe/Paris",
            locale,
            ClinicName: "Riverside Clinic");
}
