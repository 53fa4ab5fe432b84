using Clinic.Billing.Domain;
using Clinic.Platform.Security;
using Microsoft.Extensions.Logging;

namespace Clinic.Billing.Logging;

/// <summary>
/// Writes each billing event twice: a plain record with ids and outcome codes that dashboards query, and an
/// encrypted twin with the amounts, tokens, card digits and patient, through <see cref="EncryptedEventLog"/>.
/// </summary>
public sealed class BillingEventLog(EncryptedEventLog encrypted, ILogger<BillingEventLog> logger)
{
    public void InvoiceCreated(Invoice invoice)
    {
        Log.InvoiceCreated(logger, invoice.Id, invoice.AppointmentId, invoice.DoctorId);
        Seal(BillingEvents.InvoiceCreatedDetails, Details(invoice) with { PatientId = invoice.PatientId });
    }

    /// <summary>An appointment without an invoice: no fee for its doctor, or its invoice names another.</summary>
    public void InvoiceNotIssued(string appointmentId, string outcomeCode) =>
        Log.InvoiceNotIssued(logger, appointmentId, outcomeCode);

    public void InvoiceReplayed(Invoice invoice) =>
        Log.InvoiceReplayed(logger, invoice.Id, invoice.AppointmentId);

    /// <summary>An issue found the appointment's invoice void (cancelled first) and left it so.</summary>
    public void InvoiceLeftVoid(Invoice invoice) =>
        Log.InvoiceLeftVoid(logger, invoice.Id, invoice.AppointmentId);

    public void InvoiceVoided(Invoice invoice)
    {
        Log.InvoiceVoided(logger, invoice.Id, invoice.AppointmentId);
        Seal(BillingEvents.InvoiceVoidedDetails, Details(invoice) with { PatientId = invoice.PatientId });
    }

    public void PaymentAttempted(Invoice invoice, string paymentToken)
    {
        Log.PaymentAttempted(logger, invoice.Id);
        Seal(BillingEvents.PaymentAttemptedDetails, Details(invoice) with { PaymentToken = paymentToken });
    }

    public void PaymentSucceeded(Invoice invoice)
    {
        Log.PaymentSucceeded(logger, invoice.Id);
        Seal(BillingEvents.PaymentSucceededDetails, Details(invoice) with
        {
            CardLast4 = invoice.CardLast4,
            PaymentReference = invoice.PaymentReference,
        });
    }

    public void PaymentFailed(Invoice invoice, string outcomeCode)
    {
        Log.PaymentFailed(logger, invoice.Id, outcomeCode);
        Seal(BillingEvents.PaymentFailedDetails, Details(invoice) with { OutcomeCode = outcomeCode });
    }

    public void PaymentInterrupted(Invoice invoice) => Log.PaymentInterrupted(logger, invoice.Id);

    public void RefundRequested(Invoice invoice) => Log.RefundRequested(logger, invoice.Id);

    public void RefundIssued(Invoice invoice, string refundReference)
    {
        Log.RefundIssued(logger, invoice.Id);
        Seal(BillingEvents.RefundIssuedDetails, Details(invoice) with { PaymentReference = refundReference });
    }

    public void RefundFailed(Invoice invoice, string outcomeCode) =>
        Log.RefundFailed(logger, invoice.Id, outcomeCode);

    public void UpdateConflict(string invoiceId) => Log.InvoiceUpdateConflict(logger, invoiceId);

    private static BillingEventPayload Details(Invoice invoice) =>
        new(invoice.Id, Amount: invoice.Amount.Amount, Currency: invoice.Amount.Currency);

    private void Seal(EventId eventId, BillingEventPayload payload) =>
        encrypted.Write(logger, LogLevel.Information, eventId, payload);
}
