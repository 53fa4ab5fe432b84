using System.Collections.Concurrent;
using Clinic.Billing.Application;
using Clinic.Billing.Domain;

namespace Clinic.Billing.Workflows.Tests.Fakes;

/// <summary>
/// Records the invoices whose patient would have been told; can be told to fail, as a queue outage would.
/// </summary>
internal sealed class RecordingPaymentFailureNotifier : IPaymentFailureNotifier
{
    public ConcurrentQueue<Invoice> Notified { get; } = new();

    public bool Unreachable { get; set; }

    public Task NotifyAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        if (Unreachable)
            throw new InvalidOperationException("The notification queue is unreachable (injected).");

        Notified.Enqueue(invoice);
        return Task.CompletedTask;
    }
}
