using System.Text.Json;
using Clinic.Billing.Application;
using Clinic.Billing.Workflows;
using Clinic.Billing.Workflows.Contracts;
using Clinic.Notifications.Pipeline;
using Clinic.Platform.Json;
using Clinic.Scheduling.Changes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Clinic.Functions.Billing;

/// <summary>
/// Billing's side of scheduling's outbox: a booked appointment gets its invoice, a cancelled one its settlement.
/// Invoices are issued here only, so booking never waits on billing; CancelAppointment also starts the
/// settlement right away, as a shortcut. This is the path that cannot be lost, because the change was
/// committed with its outbox row. Both steps are idempotent, so doing them twice is harmless, and they meet in
/// either order: a cancellation handled first records the invoice void, and the booking's issue then leaves it
/// void (a booking replayed after a refund, likewise, finds its invoice and changes nothing). A step that fails
/// throws; the queue retries it, then moves it to the poison queue, whose handler keeps it for administrators
/// (the same dead-letter list and replay as notifications) and raises an alert.
/// </summary>
public sealed class BillingChangeFunctions(
    InvoiceService invoices, IOptions<GatewayRetryOptions> retry, DeadLetterHandler deadLetters)
{
    public const string Queue = "billing-appointment-changes";
    public const string PoisonQueue = Queue + NotificationQueues.PoisonSuffix;

    [Function("ApplyAppointmentChangeToBilling")]
    public async Task Run(
        [QueueTrigger(Queue)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        var change = JsonSerializer.Deserialize<AppointmentChange>(message, ClinicJson.Options)
            ?? throw new JsonException("The message is empty, not an appointment change.");
        switch (change.Kind)
        {
            case AppointmentChangeKind.Booked:
                // A refusal (no fee for the doctor) is an answer, not a fault: retrying would not change it.
                await invoices.IssueForAppointmentAsync(
                    change.AppointmentId, change.PatientId, change.DoctorId, cancellationToken);
                break;

            case AppointmentChangeKind.Cancelled:
                // The patient and doctor let a cancellation that overtook its booking record the invoice void.
                var settlement = new SettlementInput(change.AppointmentId, retry.Value,
                    PatientId: change.PatientId, DoctorId: change.DoctorId);
                await client.StartOrJoinSettlementAsync(settlement, cancellationToken);
                break;
        }
    }

    [Function("DeadLetterBillingChange")]
    public Task DeadLetter([QueueTrigger(PoisonQueue)] string message, CancellationToken cancellationToken) =>
        deadLetters.HandleAsync(PoisonQueue, message, cancellationToken);
}
