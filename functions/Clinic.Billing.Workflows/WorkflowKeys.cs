using System.Security.Cryptography;
using System.Text;

namespace Clinic.Billing.Workflows;

/// <summary>
/// Ids derived from the invoice and the caller's idempotency key. The key is hashed: it is the caller's
/// value and has no business in instance ids, logs or the provider's dashboard as it was sent.
/// </summary>
internal static class WorkflowKeys
{
    public static string For(string prefix, string invoiceId, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(invoiceId);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        return $"{prefix}-{invoiceId}-{Convert.ToHexStringLower(digest.AsSpan(0, 8))}";
    }
}
