using System.Security.Cryptography;
using System.Text;

namespace Clinic.Notifications.Senders;

/// <summary>
/// Turns an idempotency key into the UUID that Azure Communication Services wants as <c>Operation-Id</c> or
/// <c>repeatabilityRequestId</c>: the same key always gives the same UUID, so a retried send is recognised as
/// a repeat, and the key itself (which may name an appointment) never leaves the process.
/// </summary>
internal static class RepeatabilityId
{
    /// <summary>
    /// A name-based UUID (RFC 9562 version 8) from SHA-256 of <paramref name="purpose"/> and the key; the
    /// purpose keeps an email and a text message of the same key apart.
    /// </summary>
    public static Guid For(string purpose, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\n" + idempotencyKey), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
