using Clinic.Billing.Domain;
using Clinic.Billing.Logging;
using Clinic.Billing.Payments;
using Clinic.Platform.Errors;

namespace Clinic.Billing.Application;

/// <summary>
/// Pays and refunds invoices through the payment gateway, each as one retryable step for a durable activity:
/// the invoice is marked pending, the provider called with the caller's idempotency key, and the outcome
/// recorded. A transient failure is thrown with the invoice left pending; the retry, with the same key,
/// cannot charge twice and finishes the step. Declines are recorded, not thrown.
/// </summary>
public sealed class InvoicePayments(InvoiceService invoices, IPaymentGateway gateway, BillingEventLog events)
{
    /// <exception cref="TransientPaymentException">No answer; retry with the same key.</exception>
    public async Task<Result<Invoice>> PayAsync(
        string patientId,
        string invoiceId,
        string paymentToken,
        string idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentToken);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        if (PaymentTokens.LooksLikeCardNumber(paymentToken))
            return BillingFailures.CardNumberRefused;

        var current = await invoices.GetForPatientAsync(patientId, invoiceId, cancellationToken);
        if (current.Succeeded && current.Value.Status == InvoiceStatus.Paid)
            return current;

        var pending = await invoices.MarkPaymentPendingAsync(patientId, invoiceId, cancellationToken);
        if (!pending.Succeeded)
            return pending;

        var invoice = pending.Value;
        events.PaymentAttempted(invoice, paymentToken);
        var result = await ChargeAsync(invoice, paymentToken, idempotencyKey, cancellationToken);
        return result.Approved
            ? await RecordPaidAsync(invoice, result, cancellationToken)
            : await RecordFailedAsync(invoice, result.DeclineCode ?? "declined", cancellationToken);
    }

    /// <summary>Refunds a paid invoice in full.</summary>
    /// <exception cref="TransientPaymentException">No answer; retry with the same key.</exception>
    public async Task<Result<Invoice>> RefundAsync(
        string patientId, string invoiceId, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);

        var pending = await invoices.MarkRefundPendingAsync(patientId, invoiceId, null, cancellationToken);
        if (!pending.Succeeded)
            return pending;

        var invoice = pending.Value;
        events.RefundRequested(invoice);
        var request = new RefundRequest(invoice.PaymentReference!, invoice.Amount, idempotencyKey);
        var result = await gateway.RefundAsync(request, cancellationToken);
        if (!result.Approved)
        {
            events.RefundFailed(invoice, result.DeclineCode ?? "declined");
            return await invoices.MarkRefundFailedAsync(
                patientId, invoiceId, result.DeclineCode ?? "declined", cancellationToken);
        }

        var refunded = await invoices.MarkRefundedAsync(patientId, invoiceId, cancellationToken);
        if (refunded.Succeeded)
            events.RefundIssued(refunded.Value, result.PaymentReference!);
        return refunded;
    }

    private async Task<ChargeResult> ChargeAsync(
        Invoice invoice, string paymentToken, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var request = new ChargeRequest(invoice.Id, invoice.Amount, paymentToken, idempotencyKey);
            return await gateway.ChargeAsync(request, cancellationToken);
        }
        catch (TransientPaymentException)
        {
            events.PaymentInterrupted(invoice);
            throw;
        }
    }

    private async Task<Result<Invoice>> RecordPaidAsync(
        Invoice invoice, ChargeResult result, CancellationToken cancellationToken)
    {
        var paid = await invoices.MarkPaidAsync(invoice.PatientId, invoice.Id, result.PaymentReference!,
            result.CardLast4 ?? "0000", cancellationToken);
        if (paid.Succeeded)
            events.PaymentSucceeded(paid.Value);
        return paid;
    }

    private async Task<Result<Invoice>> RecordFailedAsync(
        Invoice invoice, string declineCode, CancellationToken cancellationToken)
    {
        var failed = await invoices.MarkPaymentFailedAsync(
            invoice.PatientId, invoice.Id, declineCode, cancellationToken);
        if (failed.Succeeded)
            events.PaymentFailed(failed.Value, declineCode);
        return failed;
    }
}
