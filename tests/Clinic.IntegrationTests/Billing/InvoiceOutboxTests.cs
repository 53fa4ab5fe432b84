using System.Net;
using Clinic.Billing.Application;
using Clinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Billing;

/// <summary>
/// Billing issues a booking's invoice from the booking's change, which reaches it through its queue from the
/// scheduling outbox; when that fails, the queue tries again, and the invoice still comes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InvoiceOutboxTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Book_feeTableFailsOnce_invoiceIssuedWhenTheQueueRetries()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite.Azurite,
            new Dictionary<string, string?> { ["LocalHost:Queues:MaxPollingInterval"] = "00:00:00.200" },
            services: DecorateFeeStore);
        var free = await FutureSlots.FindAsync(host.Client, FutureSlots.ParisDoctor, weeksAhead: 4);

        var booked = await host.Client.SendAsync(Post(
            "/api/appointments", new { doctorId = FutureSlots.ParisDoctor, start = free[0] }).As("invoice-outbox"));
        var appointmentId = (await booked.JsonAsync()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var invoices = await (await host.Client.SendAsync(Get("/api/me/invoices").As("invoice-outbox")))
                .JsonAsync();
            if (invoices.GetProperty("invoices").EnumerateArray()
                .Any(i => i.GetProperty("appointmentId").GetString() == appointmentId))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "No invoice reached the patient from billing's queue.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Contains(host.Logs.GetSnapshot(), record => record.Id.Name == "QueueFunctionFailed");
    }

    private static void DecorateFeeStore(IServiceCollection services)
    {
        var real = services.Last(descriptor => descriptor.ServiceType == typeof(IFeeStore));
        services.AddSingleton<IFeeStore>(provider => new FirstCallFailingFeeStore(
            (IFeeStore)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!)));
    }
}
