using System.Net;
using System.Text.Json;
using Clinic.Billing.Application;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows;
using Clinic.Functions.Billing;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Platform.Json;
using Clinic.Scheduling.Changes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Billing;

/// <summary>
/// A booking and its cancellation reach billing as two messages of its queue, in either order or at once:
/// however they meet, the appointment's invoice ends void and nobody can pay it. Driven through billing's real
/// queue handler on the local host over Azurite, and through the HTTP flow a user runs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CancelBeforeInvoiceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Doctor = FutureSlots.ParisDoctor;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private RunningLocalHost _host = null!;

    private HttpClient Client => _host.Client;

    private DurableTaskClient Durable => _host.Services.GetRequiredService<DurableTaskClient>();

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite,
        new Dictionary<string, string?>
        {
            ["LocalHost:Queues:MaxPollingInterval"] = "00:00:00.200",
            ["Billing:GatewayRetry:FirstRetryInterval"] = "00:00:00.050",
            ["Billing:GatewayRetry:MaxRetryInterval"] = "00:00:00.200",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Changes_cancelledHandledBeforeBooked_invoiceEndsVoid()
    {
        const string patient = "patient-cancel-first";
        var changes = ChangesOf("appt-cancel-first", patient);

        await HandleAsync(changes.Cancelled);
        await WaitForSettlementAsync(changes.AppointmentId);
        await HandleAsync(changes.Booked);

        var invoice = await Invoices.WaitForAsync(Client, patient, changes.AppointmentId);
        Assert.Equal("void", invoice.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Changes_bookedHandledBeforeCancelled_invoiceEndsVoid()
    {
        const string patient = "patient-booked-first";
        var changes = ChangesOf("appt-booked-first", patient);

        await HandleAsync(changes.Booked);
        await HandleAsync(changes.Cancelled);
        await WaitForSettlementAsync(changes.AppointmentId);

        var invoice = await Invoices.WaitForAsync(Client, patient, changes.AppointmentId);
        Assert.Equal("void", invoice.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Changes_bookedAndCancelledHandledAtOnce_everyInvoiceEndsVoid()
    {
        const string patient = "patient-booked-cancelled-at-once";
        var all = Enumerable.Range(0, 6).Select(i => ChangesOf($"appt-at-once-{i}", patient)).ToList();

        await Task.WhenAll(all.Select(async changes =>
        {
            await Task.WhenAll(
                Task.Run(() => HandleAsync(changes.Booked)), Task.Run(() => HandleAsync(changes.Cancelled)));
            await WaitForSettlementAsync(changes.AppointmentId);
        }));

        foreach (var changes in all)
        {
            var invoice = await Invoices.WaitForAsync(Client, patient, changes.AppointmentId);
            Assert.Equal("void", invoice.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Changes_bookedReplayedAfterARefund_leavesTheInvoiceRefundedAndChargesNothing()
    {
        const string patient = "patient-booked-replayed";
        var changes = ChangesOf("appt-booked-replayed", patient);
        var gateway = _host.Services.GetRequiredService<SimulatedPaymentGateway>();
        await HandleAsync(changes.Booked);
        var invoiceId = (await Invoices.WaitForAsync(Client, patient, changes.AppointmentId))
            .GetProperty("id").GetString()!;
        await Client.SendAsync(Post($"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_approve" },
            "pay-replayed-1").As(patient));
        await PollUntilAsync(patient, invoiceId, "paid");
        await HandleAsync(changes.Cancelled);
        await WaitForSettlementAsync(changes.AppointmentId);
        var captures = gateway.Captures;
        var refunds = gateway.Refunds;

        await HandleAsync(changes.Booked);

        var invoice = await Invoices.WaitForAsync(Client, patient, changes.AppointmentId);
        Assert.Equal(invoiceId, invoice.GetProperty("id").GetString());
        Assert.Equal("refunded", invoice.GetProperty("status").GetString());
        Assert.Equal((captures, refunds), (gateway.Captures, gateway.Refunds));
    }

    [Fact]
    public async Task BookThenCancelAtOnce_overHttp_invoiceEndsVoidAndPayingItIsRefused()
    {
        const string patient = "patient-book-cancel-at-once";
        var free = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 5);

        var booked = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = free[0] }).As(patient));
        var appointmentId = (await booked.JsonAsync()).GetProperty("id").GetString()!;
        var cancelled = await Client.SendAsync(
            Post($"/api/appointments/{appointmentId}/cancel", new { }).As(patient));

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var invoiceId = InvoiceIds.ForAppointment(appointmentId);
        await PollUntilAsync(patient, invoiceId, "void");
        await WaitForIssueAsync(invoiceId);
        Assert.Equal("void", (await ReadInvoiceAsync(patient, invoiceId)).GetProperty("status").GetString());
        var paid = await Client.SendAsync(Post(
            $"/api/me/invoices/{invoiceId}/pay", new { paymentToken = "tok_approve" }, "pay-void").As(patient));
        Assert.Equal(HttpStatusCode.Conflict, paid.StatusCode);
        Assert.Equal("/problems/invoice-not-payable", (await paid.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal("void", (await ReadInvoiceAsync(patient, invoiceId)).GetProperty("status").GetString());
    }

    private static (string AppointmentId, string Booked, string Cancelled) ChangesOf(
        string appointmentId, string patient)
    {
        var start = DateTimeOffset.UtcNow.AddDays(30);
        var end = start.AddMinutes(30);
        var booked = new AppointmentChange(
            AppointmentChange.IdFor(appointmentId, 1), AppointmentChangeKind.Booked, appointmentId, Doctor,
            patient, 1, start, end, null, DateTimeOffset.UtcNow);
        var cancelled = booked with
        {
            Id = AppointmentChange.IdFor(appointmentId, 2),
            Kind = AppointmentChangeKind.Cancelled,
            Version = 2,
        };
        return (appointmentId, Serialize(booked), Serialize(cancelled));
    }

    private static string Serialize(AppointmentChange change) =>
        JsonSerializer.Serialize(change, ClinicJson.Options);

    /// <summary>One message, as billing's queue trigger hands it to the app's handler.</summary>
    private async Task HandleAsync(string message)
    {
        var handler = ActivatorUtilities.CreateInstance<BillingChangeFunctions>(_host.Services);
        await handler.Run(message, Durable, CancellationToken.None);
    }

    private async Task WaitForSettlementAsync(string appointmentId)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var settlement = await Durable.WaitForInstanceCompletionAsync(
            CancellationSettlementOrchestrator.InstanceIdFor(appointmentId), timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, settlement.RuntimeStatus);
    }

    /// <summary>
    /// Waits until the booking's message has issued the invoice or found it void, so that what is asserted
    /// after it is the end state of both messages, not a moment between them.
    /// </summary>
    private async Task WaitForIssueAsync(string invoiceId)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!_host.Logs.GetSnapshot().Any(record => record.Id.Name is "InvoiceCreated" or "InvoiceLeftVoid"
            && record.StructuredState?.Contains(new("InvoiceId", invoiceId)) == true))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The booking's message never reached billing.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task<JsonElement> ReadInvoiceAsync(string patient, string invoiceId) =>
        await (await Client.SendAsync(Get($"/api/me/invoices/{invoiceId}").As(patient))).JsonAsync();

    private async Task PollUntilAsync(string patient, string invoiceId, string status)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var response = await Client.SendAsync(Get($"/api/me/invoices/{invoiceId}").As(patient));
            var invoice = await response.JsonAsync();
            // Until the booking's message is handled there is no invoice yet: 404.
            if (response.IsSuccessStatusCode && invoice.GetProperty("status").GetString() == status)
                return;

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Invoice {invoiceId} never became {status}.");

            await Task.Delay(TimeSpan.FromMilliseconds(150));
        }
    }
}
