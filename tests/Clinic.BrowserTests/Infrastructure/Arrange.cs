using System.Globalization;
using System.Net;
using System.Text.Json;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.BrowserTests.Infrastructure;

/// <summary>
/// Data a test needs before the browser opens, made through the API as the given user: faster than clicking,
/// and the pages under test are still the only way the assertions look.
/// </summary>
public sealed class Arrange(HttpClient api)
{
    private static readonly TimeSpan PaymentDeadline = TimeSpan.FromSeconds(60);

    /// <summary>Free slots (UTC starts) of the week <paramref name="weeksAhead"/> weeks on.</summary>
    public Task<IReadOnlyList<string>> FreeSlotsAsync(string doctorId, int weeksAhead) =>
        FutureSlots.FindAsync(api, doctorId, weeksAhead);

    /// <summary>The first day of that week, as a date input takes it.</summary>
    public static string WeekStart(int weeksAhead) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7 * weeksAhead)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<JsonElement> BookAsync(string patient, string doctorId, string start)
    {
        var response = await api.SendAsync(Post(
            "/api/appointments", new { doctorId, start }, Guid.NewGuid().ToString()).As(patient));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    public Task<JsonElement> InvoiceForAsync(string patient, string appointmentId) =>
        Invoices.WaitForAsync(api, patient, appointmentId);

    public async Task CancelAsync(string patient, string appointmentId)
    {
        var response = await api.SendAsync(
            Post($"/api/appointments/{appointmentId}/cancel", new { }).As(patient));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// Reads the invoice until it is in <paramref name="status"/>: settling runs in the background.
    /// </summary>
    public async Task WaitForInvoiceStatusAsync(string patient, string invoiceId, string status)
    {
        using var deadline = new CancellationTokenSource(PaymentDeadline);
        while (true)
        {
            var invoice = await (await api.SendAsync(Get($"/api/me/invoices/{invoiceId}").As(patient),
                deadline.Token)).JsonAsync();
            if (invoice.GetProperty("status").GetString() == status)
                return;

            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    /// <summary>Pays with a test card token and waits until the payment has settled either way.</summary>
    public async Task<JsonElement> PayAsync(string patient, string invoiceId, string token)
    {
        var accepted = await api.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = token }, Guid.NewGuid().ToString())
            .As(patient));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        using var deadline = new CancellationTokenSource(PaymentDeadline);
        while (true)
        {
            var invoice = await (await api.SendAsync(Get($"/api/me/invoices/{invoiceId}").As(patient),
                deadline.Token)).JsonAsync();
            if (invoice.GetProperty("status").GetString() is "paid" or "payment-failed")
                return invoice;

            // The payment runs in the background; polling is the only way to see it end.
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }
}
