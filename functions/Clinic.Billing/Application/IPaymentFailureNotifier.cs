using Clinic.Billing.Domain;

namespace Clinic.Billing.Application;

/// <summary>
/// Tells the patient that an invoice's payment failed for good (the notifications module, through its queue).
/// Billing only hands over the invoice; what the patient reads, and on which channel, is decided there.
/// </summary>
public interface IPaymentFailureNotifier
{
    Task NotifyAsync(Invoice invoice, CancellationToken cancellationToken);
}
