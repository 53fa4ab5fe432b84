using System.Security.Cryptography;
using System.Text;

namespace Clinic.Scheduling.Application;

/// <summary>The shapes of scheduling ids, checked at the edge so malformed ids never reach storage.</summary>
public static class SchedulingIds
{
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>Doctor ids are lowercase slugs such as <c>dr-amelia-hart</c>.</summary>
    public static bool IsDoctorId(string? id) =>
        id is { Length: > 0 and <= 64 }
        && char.IsAsciiLetterLower(id[0]) | char.IsAsciiDigit(id[0])
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>Appointment ids are 32 lowercase hex digits.</summary>
    public static bool IsAppointmentId(string? id) =>
        id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public static bool IsIdempotencyKey(string? key) =>
        key is { Length: > 0 and <= MaxIdempotencyKeyLength } && key.All(c => c is > ' ' and < '\u007f');

    public static string NewAppointmentId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// The same patient and key always give the same appointment id, so a retried booking lands on the
    /// appointment row the first attempt wrote instead of creating a second one.
    /// </summary>
    public static string AppointmentIdFor(string patientId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{patientId}\n{idempotencyKey}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
