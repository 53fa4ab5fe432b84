using System.Security.Cryptography;
using System.Text;

namespace Clinic.Billing.Application;

/// <summary>
/// Invoice ids derived from appointment ids, so that every write of an issue is an insert of a known key:
/// a retried or concurrent issue for one appointment meets the first one's rows instead of making a second.
/// </summary>
public static class InvoiceIds
{
    public static string ForAppointment(string appointmentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(appointmentId);

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(appointmentId));
        return "inv_" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
