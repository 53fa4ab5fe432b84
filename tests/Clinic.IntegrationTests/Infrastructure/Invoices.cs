using System.Text.Json;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Infrastructure;

/// <summary>
/// Billing issues a booking's invoice from the booking's change on its queue, a moment after the booking
/// answers: tests that need the invoice wait for it here.
/// </summary>
public static class Invoices
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static async Task<JsonElement> WaitForAsync(HttpClient client, string patient, string appointmentId)
    {
        ArgumentNullException.ThrowIfNull(client);

        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var response = await client.SendAsync(Get("/api/me/invoices").As(patient));
            response.EnsureSuccessStatusCode();
            var found = (await response.JsonAsync()).GetProperty("invoices").EnumerateArray()
                .Where(invoice => invoice.GetProperty("appointmentId").GetString() == appointmentId)
                .ToList();
            if (found.Count == 1)
                return found[0];

            Assert.True(DateTime.UtcNow < deadline, $"No invoice for appointment {appointmentId} in time.");
            await Task.Delay(TimeSpan.FromMilliseconds(150));
        }
    }
}
