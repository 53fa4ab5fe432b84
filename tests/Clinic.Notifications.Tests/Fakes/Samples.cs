using System.Text;
using Clinic.Notifications.Senders;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>
/// Fictional messages, and the personal values in them that must never reach a log or a file name.
/// </summary>
internal static class Samples
{
    public const string SenderAddress = "DoNotReply@clinic.example.test";
    public const string FromNumber = "+12025550100";
    public const string PatientAddress = "rowan.ellery@example.test";
    public const string PatientPhone = "+12025550142";
    public const string PatientName = "Rowan Ellery";

    public static readonly byte[] Invite = Encoding.UTF8.GetBytes(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Clinic//Tests//EN\r\nMETHOD:REQUEST\r\n"
        + "BEGIN:VEVENT\r\nUID:appt-7731@clinic.example.test\r\nDTSTAMP:20260302T090000Z\r\n"
        + "DTSTART:20260310T140000Z\r\nDTEND:20260310T143000Z\r\nSUMMARY:Check-up\r\nEND:VEVENT\r\n"
        + "END:VCALENDAR\r\n");

    public static EmailMessage Email(string key = "appt-7731-confirmed") => new(
        PatientAddress,
        $"{PatientName}, your appointment on 10 March",
        $"<p>Dear {PatientName},</p><p>See you on 10 March at 14:00.</p>",
        $"Dear {PatientName}, see you on 10 March at 14:00.",
        [new EmailAttachment("invite.ics", "text/calendar; method=REQUEST; charset=utf-8", Invite)],
        key);

    public static SmsMessage Sms(string key = "appt-7731-reminder") => new(
        PatientPhone,
        $"{PatientName}: reminder of your appointment on 10 March at 14:00.",
        key,
        new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero));

    /// <summary>Personal values of <see cref="Email"/> and <see cref="Sms"/>, as they could leak.</summary>
    public static IReadOnlyList<string> PersonalValues { get; } =
        [PatientAddress, PatientPhone, PatientPhone[2..], PatientName, "Rowan", "Ellery", "10 March"];
}
