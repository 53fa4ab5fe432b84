using System.Net;
using System.Text.Json;
using Clinic.Billing.Workflows.Activities;
using Clinic.Billing.Workflows.Contracts;
using Clinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Billing;

/// <summary>
/// Billing's alert activity on the local host's alert path (queue, background writer, alerts table). A
/// durable activity runs at least once: a worker that stops before its result is recorded runs it again,
/// with the same input, as the repeated runs below do.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PaymentAlertTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan AlertDeadline = TimeSpan.FromSeconds(5);

    /// <summary>The orchestration's time, which its replays repeat.</summary>
    private static readonly DateTimeOffset RaisedAt = DateTimeOffset.UtcNow;

    private static readonly BillingAlertInput Failed = new(
        "PaymentFailed", "inv_alert_once", "card_declined", "pay-inv_alert_once-0a", RaisedAt);

    /// <summary>Raised after the others, which are stored before it: the writer keeps the order.</summary>
    private static readonly BillingAlertInput Later = new(
        "PaymentFailed", "inv_alert_later", "card_declined", "pay-inv_alert_later-0a", RaisedAt);

    private RunningLocalHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RaisePaymentAlert_runTwiceForOneFailure_storesOneAlert()
    {
        await RunAsync(Failed);
        await RunAsync(Failed);
        await RunAsync(Later);

        var alerts = await ListOnceStoredAsync(Later.InvoiceId);

        Assert.Single(alerts, alert => Mentions(alert, Failed.InvoiceId));
    }

    [Fact]
    public async Task RaisePaymentAlert_runAgainAfterItWasAcknowledged_staysAcknowledged()
    {
        await RunAsync(Failed);
        await RunAsync(Later);
        var alertId = (await ListOnceStoredAsync(Later.InvoiceId))
            .Single(alert => Mentions(alert, Failed.InvoiceId)).GetProperty("id").GetString();
        var acknowledged = await _host.Client.SendAsync(
            Post($"/api/admin/alerts/{alertId}/acknowledge", new { }).As("demo-admin"));
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);

        await RunAsync(Failed);
        await RunAsync(Later with { InvoiceId = "inv_alert_last", CorrelationId = "pay-inv_alert_last-0a" });

        var alert = Assert.Single(
            await ListOnceStoredAsync("inv_alert_last"), alert => Mentions(alert, Failed.InvoiceId));
        Assert.Equal(alertId, alert.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, alert.GetProperty("acknowledgedAt").ValueKind);
    }

    private async Task RunAsync(BillingAlertInput input) =>
        await ActivatorUtilities.CreateInstance<RaisePaymentAlertActivity>(_host.Services)
            .RunAsync(null!, input);

    private static bool Mentions(JsonElement alert, string invoiceId) =>
        alert.GetProperty("summary").GetString()!.Contains(invoiceId, StringComparison.Ordinal);

    /// <summary>The listed alerts, once one about <paramref name="invoiceId"/> is among them.</summary>
    private async Task<List<JsonElement>> ListOnceStoredAsync(string invoiceId)
    {
        var deadline = DateTimeOffset.UtcNow + AlertDeadline;
        while (true)
        {
            var listed = await (await _host.Client.SendAsync(Get("/api/admin/alerts").As("demo-admin")))
                .JsonAsync();
            var alerts = listed.GetProperty("alerts").EnumerateArray()
                .Select(alert => alert.Clone())
                .ToList();
            if (alerts.Any(alert => Mentions(alert, invoiceId)))
                return alerts;

            Assert.True(DateTimeOffset.UtcNow < deadline, $"No alert about {invoiceId} was listed in time.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
