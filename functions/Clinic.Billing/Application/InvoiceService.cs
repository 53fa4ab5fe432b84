using System.Globalization;
using Clinic.Billing.Domain;
using Clinic.Billing.Logging;
using Clinic.Platform.Errors;

namespace Clinic.Billing.Application;

/// <summary>
/// Issues invoices and moves them through their states. Every change is a conditional replace of the row
/// read (its ETag); a lost race is read again and retried a few times, and a change that is already in place
/// (a retried activity) returns the invoice as it is.
/// </summary>
public sealed class InvoiceService(
    IInvoiceStore invoices, IFeeStore fees, BillingEventLog events, TimeProvider time)
{
    public const int MaxListed = 100;

    private const int MaxWriteAttempts = 3;

    /// <summary>
    /// The appointment's invoice at the doctor's fee. Idempotent: a second call for the appointment returns
    /// the first invoice; a call naming another patient or doctor for it is refused. An invoice that its
    /// cancellation already voided (<see cref="IssueVoidAsync"/>) is returned void, never opened again.
    /// </summary>
    public Task<Result<Invoice>> IssueForAppointmentAsync(
        string appointmentId, string patientId, string doctorId, CancellationToken cancellationToken) =>
        IssueAsync(appointmentId, patientId, doctorId, InvoiceStatus.Open, cancellationToken);

    /// <summary>
    /// Records the invoice of an appointment cancelled before its invoice was issued, in the void state, so
    /// the issue that comes later finds it void and leaves it. Both write the same insert-only keys, so
    /// whichever runs first, or both at once, the first insert decides: should the issue's open invoice win,
    /// it is returned as stored, for the caller to void it as any open invoice.
    /// </summary>
    public Task<Result<Invoice>> IssueVoidAsync(
        string appointmentId, string patientId, string doctorId, CancellationToken cancellationToken) =>
        IssueAsync(appointmentId, patientId, doctorId, InvoiceStatus.Void, cancellationToken);

    public async Task<Result<Invoice>> GetForPatientAsync(
        string patientId, string invoiceId, CancellationToken cancellationToken)
    {
        var stored = await invoices.FindAsync(patientId, invoiceId, cancellationToken);
        return stored is null ? BillingFailures.InvoiceNotFound : stored.Invoice;
    }

    public async Task<Result<Invoice>> GetForAppointmentAsync(
        string appointmentId, CancellationToken cancellationToken)
    {
        var link = await invoices.FindLinkAsync(appointmentId, cancellationToken);
        return link is null
            ? BillingFailures.InvoiceNotFound
            : await GetForPatientAsync(link.PatientId, link.InvoiceId, cancellationToken);
    }

    public async Task<IReadOnlyList<Invoice>> ListForPatientAsync(
        string patientId, CancellationToken cancellationToken)
    {
        var stored = await invoices.ListForPatientAsync(patientId, MaxListed, cancellationToken);
        return stored.Select(s => s.Invoice).OrderByDescending(i => i.CreatedAt).ToList();
    }

    /// <summary>
    /// The payment state of an appointment of this doctor, without amounts or card data; not found for an
    /// appointment of another doctor, so a doctor learns nothing about others' patients.
    /// </summary>
    public async Task<Result<DoctorPaymentStatus>> PaymentStatusForDoctorAsync(
        string doctorId, string appointmentId, CancellationToken cancellationToken)
    {
        var link = await invoices.FindLinkAsync(appointmentId, cancellationToken);
        if (link is null || link.DoctorId != doctorId)
            return BillingFailures.InvoiceNotFound;

        var stored = await invoices.FindAsync(link.PatientId, link.InvoiceId, cancellationToken);
        return stored is null
            ? BillingFailures.InvoiceNotFound
            : new DoctorPaymentStatus(appointmentId, link.InvoiceId, stored.Invoice.Status);
    }

    /// <summary>
    /// Invoices whose payment failed in one month (UTC), for administrators: one index partition, then a
    /// point read of each entry, which keeps only invoices that are still failed.
    /// </summary>
    public async Task<IReadOnlyList<Invoice>> ListFailedPaymentsAsync(
        int year, int month, CancellationToken cancellationToken)
    {
        var monthKey = MonthKey(new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero));
        var entries = await invoices.ListFailedAsync(monthKey, MaxListed, cancellationToken);
        var reads = entries.Select(e => invoices.FindAsync(e.PatientId, e.InvoiceId, cancellationToken));
        var found = await Task.WhenAll(reads);
        return found.Where(s => s?.Invoice.Status == InvoiceStatus.PaymentFailed).Select(s => s!.Invoice)
            .ToList();
    }

    /// <summary>
    /// Marks the invoice payment-pending for <paramref name="paymentAttemptId"/> (the payment orchestration's
    /// instance id), so that one payment attempt at a time can charge it: the same attempt again is no change
    /// (a retried activity), another attempt while it is pending is refused with payment-in-progress, and an
    /// invoice that is paid, refunded or void with invoice-not-payable.
    /// </summary>
    public async Task<Result<Invoice>> MarkPaymentPendingAsync(
        string patientId, string invoiceId, string paymentAttemptId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentAttemptId);

        var pending = await ChangeAsync(patientId, invoiceId, InvoiceStatus.PaymentPending, null,
            paymentAttemptId, invoice => invoice with { FailureCode = null, PaymentAttemptId = paymentAttemptId },
            cancellationToken);
        // Said the way PayInvoice says it up front, for a race its read of the invoice missed.
        return pending.Failure?.Code == BillingFailures.IllegalTransitionCode
            ? BillingFailures.InvoiceNotPayable
            : pending;
    }

    /// <summary>
    /// Records the charge of the attempt that holds the pending invoice; others are refused. Without
    /// <paramref name="cardLast4"/> (the provider named none) the invoice is paid with no card digits.
    /// </summary>
    public Task<Result<Invoice>> MarkPaidAsync(
        string patientId,
        string invoiceId,
        string paymentAttemptId,
        string paymentReference,
        string? cardLast4,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentAttemptId);
        ArgumentException.ThrowIfNullOrEmpty(paymentReference);
        if (cardLast4 is not null && (cardLast4.Length != 4 || !cardLast4.All(char.IsAsciiDigit)))
            throw new ArgumentException("The last four digits of a card are four digits.", nameof(cardLast4));

        return ChangeAsync(patientId, invoiceId, InvoiceStatus.Paid, null, paymentAttemptId,
            invoice => invoice with
            {
                PaymentAttemptId = paymentAttemptId,
                PaymentReference = paymentReference,
                CardLast4 = cardLast4,
            },
            cancellationToken);
    }

    /// <summary>Records the failure of the attempt that holds the pending invoice; others are refused.</summary>
    public Task<Result<Invoice>> MarkPaymentFailedAsync(
        string patientId,
        string invoiceId,
        string paymentAttemptId,
        string failureCode,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentAttemptId);

        return ChangeAsync(patientId, invoiceId, InvoiceStatus.PaymentFailed, null, paymentAttemptId,
            invoice => invoice with { PaymentAttemptId = paymentAttemptId, FailureCode = failureCode },
            cancellationToken);
    }

    /// <summary>
    /// Voids an unpaid invoice. With <paramref name="expectedVersion"/>, only the version the caller saw.
    /// </summary>
    public async Task<Result<Invoice>> VoidAsync(
        string patientId, string invoiceId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var voided = await ChangeAsync(patientId, invoiceId, InvoiceStatus.Void, expectedVersion, null,
            invoice => invoice, cancellationToken);
        if (voided.Succeeded)
            events.InvoiceVoided(voided.Value);
        return voided;
    }

    public Task<Result<Invoice>> MarkRefundPendingAsync(
        string patientId, string invoiceId, int? expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(patientId, invoiceId, InvoiceStatus.RefundPending, expectedVersion, null,
            invoice => invoice, cancellationToken);

    public Task<Result<Invoice>> MarkRefundedAsync(
        string patientId, string invoiceId, CancellationToken cancellationToken) =>
        ChangeAsync(patientId, invoiceId, InvoiceStatus.Refunded, null, null, invoice => invoice,
            cancellationToken);

    /// <summary>The provider refused the refund: the invoice is paid again, with the code.</summary>
    public Task<Result<Invoice>> MarkRefundFailedAsync(
        string patientId, string invoiceId, string failureCode, CancellationToken cancellationToken) =>
        ChangeAsync(patientId, invoiceId, InvoiceStatus.Paid, null, null,
            invoice => invoice with { FailureCode = failureCode }, cancellationToken);

    private async Task<Result<Invoice>> IssueAsync(
        string appointmentId,
        string patientId,
        string doctorId,
        InvoiceStatus initial,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(appointmentId);
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        ArgumentException.ThrowIfNullOrEmpty(doctorId);

        var known = await invoices.FindLinkAsync(appointmentId, cancellationToken);
        if (known is not null)
            return await ReplayAsync(known, patientId, doctorId, initial, cancellationToken);

        var fee = await fees.FindAsync(doctorId, cancellationToken);
        if (fee is null)
        {
            events.InvoiceNotIssued(appointmentId, BillingFailures.FeeNotFound.Code);
            return BillingFailures.FeeNotFound;
        }

        var link = new InvoiceLink(
            appointmentId, InvoiceIds.ForAppointment(appointmentId), patientId, doctorId);
        var earlier = await invoices.AddLinkAsync(link, cancellationToken);
        return earlier is null
            ? await AddInvoiceAsync(link, fee.Fee, initial, cancellationToken)
            : await ReplayAsync(earlier, patientId, doctorId, initial, cancellationToken);
    }

    private async Task<Result<Invoice>> ReplayAsync(
        InvoiceLink link,
        string patientId,
        string doctorId,
        InvoiceStatus initial,
        CancellationToken cancellationToken)
    {
        if (link.PatientId != patientId || link.DoctorId != doctorId)
        {
            events.InvoiceNotIssued(link.AppointmentId, BillingFailures.AppointmentInvoicedElsewhere.Code);
            return BillingFailures.AppointmentInvoicedElsewhere;
        }

        var stored = await invoices.FindAsync(link.PatientId, link.InvoiceId, cancellationToken);
        if (stored is not null)
            return Replayed(stored.Invoice, initial);

        // The issue that added the link stopped before the invoice was written: finish its work.
        var fee = await fees.FindAsync(doctorId, cancellationToken);
        return fee is null
            ? BillingFailures.FeeNotFound
            : await AddInvoiceAsync(link, fee.Fee, initial, cancellationToken);
    }

    /// <summary>
    /// Inserts the invoice in <paramref name="initial"/> (open, or void for a cancellation that came first);
    /// an insert that meets the row of a concurrent issue or cancellation returns that row instead.
    /// </summary>
    private async Task<Result<Invoice>> AddInvoiceAsync(
        InvoiceLink link, Money fee, InvoiceStatus initial, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var invoice = initial == InvoiceStatus.Void
            ? Invoice.IssueVoid(link.AppointmentId, link.PatientId, link.DoctorId, fee, now)
            : Invoice.Issue(link.AppointmentId, link.PatientId, link.DoctorId, fee, now);
        if (await invoices.AddAsync(invoice, cancellationToken))
        {
            if (invoice.Status == InvoiceStatus.Void)
                events.InvoiceVoided(invoice);
            else
                events.InvoiceCreated(invoice);
            return invoice;
        }

        var stored = await invoices.FindAsync(link.PatientId, link.InvoiceId, cancellationToken);
        return stored is null ? BillingFailures.InvoiceNotFound : Replayed(stored.Invoice, initial);
    }

    /// <summary>The invoice already stored; an issue that finds it void says so, as it leaves it void.</summary>
    private Invoice Replayed(Invoice stored, InvoiceStatus initial)
    {
        if (initial == InvoiceStatus.Open && stored.Status == InvoiceStatus.Void)
            events.InvoiceLeftVoid(stored);
        else
            events.InvoiceReplayed(stored);
        return stored;
    }

    /// <summary>
    /// Moves the invoice to <paramref name="target"/>. With <paramref name="paymentAttemptId"/>, the change
    /// belongs to that payment attempt: an invoice pending for another attempt is refused, so that two
    /// attempts never both charge it.
    /// </summary>
    private async Task<Result<Invoice>> ChangeAsync(
        string patientId,
        string invoiceId,
        InvoiceStatus target,
        int? expectedVersion,
        string? paymentAttemptId,
        Func<Invoice, Invoice> apply,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        ArgumentException.ThrowIfNullOrEmpty(invoiceId);

        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            var stored = await invoices.FindAsync(patientId, invoiceId, cancellationToken);
            if (stored is null)
                return BillingFailures.InvoiceNotFound;

            var current = stored.Invoice;
            if (expectedVersion is not null && current.Version != expectedVersion)
                return BillingFailures.InvoiceChanged;

            if (paymentAttemptId is not null && current.HasPaymentInFlightOtherThan(paymentAttemptId))
                return BillingFailures.PaymentInProgress;

            // A retried activity finds its own change done; repeating it is no error, changing it is.
            if (current.Status == target)
            {
                return apply(current) == current
                    ? current
                    : BillingFailures.IllegalTransition(target, target);
            }

            var moved = current.MoveTo(target, time.GetUtcNow());
            if (!moved.Succeeded)
                return moved;

            var changed = apply(moved.Value);
            if (await invoices.ReplaceAsync(stored, changed, cancellationToken) is null)
                continue;

            await UpdateFailedIndexAsync(current, changed, cancellationToken);
            return changed;
        }

        events.UpdateConflict(invoiceId);
        return BillingFailures.InvoiceChanged;
    }

    /// <summary>
    /// Keeps the failed-payments index in step after the invoice row changed. It is written second, so a
    /// crash can leave an entry for an invoice that recovered; readers check the invoice itself.
    /// </summary>
    private async Task UpdateFailedIndexAsync(
        Invoice before, Invoice after, CancellationToken cancellationToken)
    {
        if (before.Status == InvoiceStatus.PaymentFailed)
            await invoices.RemoveFailedAsync(MonthKey(before.UpdatedAt), before.Id, cancellationToken);

        if (after.Status == InvoiceStatus.PaymentFailed)
        {
            await invoices.AddFailedAsync(
                new FailedPaymentEntry(MonthKey(after.UpdatedAt), after.Id, after.PatientId, after.UpdatedAt),
                cancellationToken);
        }
    }

    private static string MonthKey(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
