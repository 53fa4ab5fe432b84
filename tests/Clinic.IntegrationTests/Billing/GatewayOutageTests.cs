using System.Net;
using System.Text.Json;
using Clinic.IntegrationTests.Infrastructure;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Billing;

/// <summary>
/// The payment provider is down: its calls time out until the breaker in front of it opens, and it stays
/// open. Booking never waits on the provider, so appointments are still booked and invoiced meanwhile.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GatewayOutageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    /// <summary>Fast durable retries; three failures open the breaker, which stays open for minutes.</summary>
    private static Dictionary<string, string?> BreakerOpensAndStays => new()
    {
        ["Billing:GatewayRetry:FirstRetryInterval"] = "00:00:00.050",
        ["Billing:GatewayRetry:MaxRetryInterval"] = "00:00:00.200",
        ["Billing:GatewayRetry:CircuitOpenWait"] = "00:00:00.100",
        ["Resilience:PaymentGateway:MinimumThroughput"] = "3",
        ["Resilience:PaymentGateway:SamplingDuration"] = "00:01:00",
        ["Resilience:PaymentGateway:BreakDuration"] = "00:05:00",
    };

    public async Task InitializeAsync() =>
        _host = await RunningLocalHost.StartAsync(azurite.Azurite, BreakerOpensAndStays);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Book_whileThePaymentGatewayIsDown_isCreatedAndInvoiced()
    {
        const string patient = "patient-gateway-down";
        var free = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 4);
        var first = await BookAsync(patient, free[0]);
        var firstInvoice = await Invoices.WaitForAsync(Client, patient, first);
        var invoiceId = firstInvoice.GetProperty("id").GetString()!;
        await Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_timeout" }, "pay-down-1").As(patient));
        var failed = await WaitForStatusAsync(patient, invoiceId, "payment-failed");
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "CircuitOpened");

        var booked = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = free[1] }).As(patient));

        Assert.Equal("gateway_unavailable", failed.GetProperty("failureCode").GetString());
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointmentId = (await booked.JsonAsync()).GetProperty("id").GetString()!;
        var invoice = await Invoices.WaitForAsync(Client, patient, appointmentId);
        Assert.Equal("open", invoice.GetProperty("status").GetString());
    }

    private async Task<string> BookAsync(string patient, string start)
    {
        var booked = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start }).As(patient));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        return (await booked.JsonAsync()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> WaitForStatusAsync(string patient, string invoiceId, string status)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var invoice = await (await Client.SendAsync(Get($"/api/me/invoices/{invoiceId}").As(patient)))
                .JsonAsync();
            if (invoice.GetProperty("status").GetString() == status)
                return invoice;

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The invoice was not {status} in time.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
