using Clinic.Billing.Domain;
using Clinic.Platform.Errors;

namespace Clinic.Billing.Application;

/// <summary>The refusals of billing, each with a stable code that becomes the problem type.</summary>
public static class BillingFailures
{
    public const string IllegalTransitionCode = "invoice-transition-not-allowed";

    public static readonly Failure InvoiceNotFound =
        Failure.NotFound("invoice-not-found", "There is no such invoice.");

    public static readonly Failure FeeNotFound =
        Failure.NotFound("fee-not-found", "This doctor has no fee on record.");

    public static readonly Failure InvoiceChanged = Failure.Conflict(
        "invoice-changed", "The invoice changed while this request ran. Please reload and try again.");

    /// <summary>Another payment attempt of the invoice is in flight; a second one could charge twice.</summary>
    public static readonly Failure PaymentInProgress = Failure.Conflict(
        "payment-in-progress", "A payment of this invoice is in progress. Wait for it to finish.");

    /// <summary>
    /// The invoice is paid, being refunded, refunded or void: there is nothing to charge. A failed payment is
    /// not among them; paying it again is a retry with another card.
    /// </summary>
    public static readonly Failure InvoiceNotPayable = Failure.Conflict(
        "invoice-not-payable",
        "This invoice cannot be paid: it is already paid, refunded or void. Reload it to see its state.");

    public static readonly Failure AppointmentInvoicedElsewhere = Failure.Conflict(
        "appointment-invoiced-elsewhere",
        "This appointment is already invoiced to another patient or doctor.");

    public static readonly Failure CardNumberRefused = Failure.Validation(
        "paymentToken", "Send a payment token from the payment form, never a card number.");

    public static Failure IllegalTransition(InvoiceStatus from, InvoiceStatus to) => Failure.Unprocessable(
        IllegalTransitionCode, $"An invoice that is {from} cannot become {to}.");
}
