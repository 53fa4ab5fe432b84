using System.Net;
using System.Text.Json;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Billing;

/// <summary>
/// Booking issues an invoice at the doctor's fee; paying it runs the payment orchestration on the local
/// host's in-process Durable host against the simulated gateway.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PaymentFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private static readonly TimeSpan PaymentDeadline = TimeSpan.FromSeconds(15);
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Pay_approvedToken_invoiceAtDoctorsFeeEndsPaid()
    {
        const string patient = "patient-pay-approve";
        var invoice = await BookAndFindInvoiceAsync(patient, slotIndex: 0);
        Assert.Equal("open", invoice.GetProperty("status").GetString());
        Assert.Equal(60.00m, invoice.GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", invoice.GetProperty("currency").GetString());
        var invoiceId = invoice.GetProperty("id").GetString()!;

        var accepted = await Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_approve" }, "pay-approve-1").As(patient));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"/api/me/invoices/{invoiceId}", accepted.Headers.Location!.OriginalString);
        Assert.Equal("no-store", accepted.Headers.CacheControl!.ToString());
        Assert.False(string.IsNullOrEmpty((await accepted.JsonAsync()).GetProperty("instanceId").GetString()));
        var final = await PollUntilSettledAsync(patient, accepted.Headers.Location.OriginalString);
        Assert.Equal("paid", final.GetProperty("status").GetString());
        Assert.Equal("4242", final.GetProperty("cardLast4").GetString());
    }

    [Fact]
    public async Task Pay_declinedToken_invoiceEndsPaymentFailed()
    {
        const string patient = "patient-pay-decline";
        var invoice = await BookAndFindInvoiceAsync(patient, slotIndex: 1);
        var invoiceId = invoice.GetProperty("id").GetString()!;

        var accepted = await Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_decline" }, "pay-decline-1").As(patient));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var final = await PollUntilSettledAsync(patient, accepted.Headers.Location!.OriginalString);
        Assert.Equal("payment-failed", final.GetProperty("status").GetString());
        Assert.Equal("card_declined", final.GetProperty("failureCode").GetString());
    }

    private async Task<JsonElement> BookAndFindInvoiceAsync(string patient, int slotIndex)
    {
        var free = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 3);
        var booked = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = free[slotIndex] }).As(patient));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointmentId = (await booked.JsonAsync()).GetProperty("id").GetString();

        var listed = await Client.SendAsync(Get("/api/me/invoices").As(patient));
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("no-store", listed.Headers.CacheControl!.ToString());
        return (await listed.JsonAsync()).GetProperty("invoices").EnumerateArray()
            .Single(i => i.GetProperty("appointmentId").GetString() == appointmentId);
    }

    /// <summary>Reads the invoice until its payment is no longer pending, for at most the deadline.</summary>
    private async Task<JsonElement> PollUntilSettledAsync(string patient, string location)
    {
        var deadline = DateTimeOffset.UtcNow + PaymentDeadline;
        while (true)
        {
            var read = await Client.SendAsync(Get(location).As(patient));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var invoice = await read.JsonAsync();
            var status = invoice.GetProperty("status").GetString();
            if (status is not ("open" or "payment-pending"))
                return invoice;

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The payment was still {status} after the deadline.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
