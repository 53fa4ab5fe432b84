using Clinic.Billing.Application;
using Clinic.Billing.Domain;
using Clinic.Billing.Tests.Fakes;

namespace Clinic.Billing.Tests.Application;

/// <summary>The service on in-memory stores with the table adapters' insert-only and ETag rules.</summary>
public sealed class InvoiceServiceTests
{
    private const string Patient = "patient-1";
    private const string Doctor = "dr-kenji-sato";
    private const string Attempt = "pay-attempt-1";
    private const string OtherAttempt = "pay-attempt-2";

    [Fact]
    public async Task Issue_twiceForOneAppointment_returnsTheSameInvoice()
    {
        using var harness = await BillingHarness.SeededAsync();

        var first = await harness.Service.IssueForAppointmentAsync("appt-1", Patient, Doctor, default);
        var second = await harness.Service.IssueForAppointmentAsync("appt-1", Patient, Doctor, default);

        Assert.True(first.Succeeded);
        Assert.Equal(first.Value, second.Value);
        Assert.Equal(Money.Of(5000m, "JPY"), first.Value.Amount);
        Assert.Equal(InvoiceStatus.Open, first.Value.Status);
    }

    [Fact]
    public async Task Issue_concurrentlyForOneAppointment_makesOneInvoice()
    {
        using var harness = await BillingHarness.SeededAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(
            () => harness.Service.IssueForAppointmentAsync("appt-1", Patient, Doctor, default))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(await harness.Service.ListForPatientAsync(Patient, default));
    }

    [Fact]
    public async Task Issue_sameAppointmentForAnotherPatient_isRefused()
    {
        using var harness = await BillingHarness.SeededAsync();
        await harness.Service.IssueForAppointmentAsync("appt-1", Patient, Doctor, default);

        var other = await harness.Service.IssueForAppointmentAsync("appt-1", "patient-2", Doctor, default);

        Assert.Equal("appointment-invoiced-elsewhere", other.Failure?.Code);
    }

    [Fact]
    public async Task Issue_doctorWithoutFee_isNotFound()
    {
        using var harness = await BillingHarness.SeededAsync();

        var issued = await harness.Service.IssueForAppointmentAsync("appt-1", Patient, "dr-nobody", default);

        Assert.Equal("fee-not-found", issued.Failure?.Code);
    }

    [Fact]
    public async Task Issue_afterALinkWithoutInvoice_finishesTheInvoice()
    {
        using var harness = await BillingHarness.SeededAsync();
        var link = new InvoiceLink("appt-1", InvoiceIds.ForAppointment("appt-1"), Patient, Doctor);
        await harness.Invoices.AddLinkAsync(link, default);

        var issued = await harness.Service.IssueForAppointmentAsync("appt-1", Patient, Doctor, default);

        Assert.True(issued.Succeeded);
        Assert.Equal(link.InvoiceId, issued.Value.Id);
    }

    [Fact]
    public async Task IssueVoid_beforeTheIssue_recordsItVoidAndTheIssueLeavesItVoid()
    {
        using var harness = await BillingHarness.SeededAsync();

        var voided = await harness.Service.IssueVoidAsync("appt-1", Patient, Doctor, default);
        var issued = await harness.Service.IssueForAppointmentAsync("appt-1", Patient, Doctor, default);

        Assert.Equal(InvoiceStatus.Void, voided.Value?.Status);
        Assert.Equal(voided.Value, issued.Value);
        Assert.Equal(Money.Of(5000m, "JPY"), issued.Value!.Amount);
        Assert.Single(await harness.Service.ListForPatientAsync(Patient, default));
        var records = harness.Logs.GetSnapshot();
        Assert.Contains(records, record => record.Id.Name == "InvoiceVoided");
        Assert.Contains(records, record => record.Id.Name == "InvoiceLeftVoid");
        Assert.DoesNotContain(records, record => record.Id.Name == "InvoiceCreated");
    }

    [Fact]
    public async Task IssueVoid_afterTheIssue_returnsTheOpenInvoiceForTheCallerToVoid()
    {
        using var harness = await BillingHarness.SeededAsync();
        var issued = await IssueAsync(harness);

        var stored = await harness.Service.IssueVoidAsync("appt-1", Patient, Doctor, default);

        Assert.Equal(issued, stored.Value);
        Assert.Equal(InvoiceStatus.Open, stored.Value!.Status);
    }

    [Fact]
    public async Task IssueVoid_afterALinkWithoutInvoice_finishesTheInvoiceVoid()
    {
        using var harness = await BillingHarness.SeededAsync();
        var link = new InvoiceLink("appt-1", InvoiceIds.ForAppointment("appt-1"), Patient, Doctor);
        await harness.Invoices.AddLinkAsync(link, default);

        var voided = await harness.Service.IssueVoidAsync("appt-1", Patient, Doctor, default);
        var issued = await harness.Service.IssueForAppointmentAsync("appt-1", Patient, Doctor, default);

        Assert.Equal(InvoiceStatus.Void, voided.Value?.Status);
        Assert.Equal(InvoiceStatus.Void, issued.Value?.Status);
    }

    [Fact]
    public async Task IssueVoid_andIssueConcurrently_bothReturnTheOneInvoiceThatWonTheInsert()
    {
        using var harness = await BillingHarness.SeededAsync();
        var appointmentIds = Enumerable.Range(0, 20).Select(i => $"appt-{i}").ToList();

        var pairs = await Task.WhenAll(appointmentIds.Select(async appointmentId =>
        {
            var voiding = Task.Run(() => harness.Service.IssueVoidAsync(appointmentId, Patient, Doctor, default));
            var issuing = Task.Run(
                () => harness.Service.IssueForAppointmentAsync(appointmentId, Patient, Doctor, default));
            return (Voided: await voiding, Issued: await issuing);
        }));

        Assert.All(pairs, pair => Assert.Equal(pair.Voided.Value, pair.Issued.Value));
        Assert.Equal(appointmentIds.Count, (await harness.Service.ListForPatientAsync(Patient, default)).Count);
    }

    [Fact]
    public async Task Issue_afterARefund_returnsTheRefundedInvoiceUnchanged()
    {
        using var harness = await BillingHarness.SeededAsync();
        var paid = await PaidAsync(harness);
        await harness.Service.MarkRefundPendingAsync(Patient, paid.Id, paid.Version, default);
        var refunded = (await harness.Service.MarkRefundedAsync(Patient, paid.Id, default)).Value;

        var replayed = await harness.Service.IssueForAppointmentAsync("appt-1", Patient, Doctor, default);

        Assert.Equal(InvoiceStatus.Refunded, replayed.Value?.Status);
        Assert.Equal(refunded, replayed.Value);
        Assert.Equal(refunded, (await harness.Service.GetForPatientAsync(Patient, paid.Id, default)).Value);
    }

    [Fact]
    public async Task MarkPaid_pendingInvoice_recordsLast4AndReference()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);

        var paid = await harness.Service.MarkPaidAsync(Patient, invoice.Id, Attempt, "sim_ch_1", "4242", default);

        Assert.Equal(InvoiceStatus.Paid, paid.Value!.Status);
        Assert.Equal("4242", paid.Value.CardLast4);
        Assert.Equal("sim_ch_1", paid.Value.PaymentReference);
    }

    [Fact]
    public async Task MarkPaid_noLast4FromTheProvider_paidWithoutCardDigits()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);

        var paid = await harness.Service.MarkPaidAsync(Patient, invoice.Id, Attempt, "pi_1", null, default);

        Assert.Equal(InvoiceStatus.Paid, paid.Value!.Status);
        Assert.Null(paid.Value.CardLast4);
        Assert.Equal("pi_1", paid.Value.PaymentReference);
    }

    [Fact]
    public async Task MarkPaid_repeatedAsARetriedActivityWould_returnsTheInvoiceUnchanged()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);
        var paid = await harness.Service.MarkPaidAsync(Patient, invoice.Id, Attempt, "sim_ch_1", "4242", default);

        var again = await harness.Service.MarkPaidAsync(Patient, invoice.Id, Attempt, "sim_ch_1", "4242", default);
        var other = await harness.Service.MarkPaidAsync(Patient, invoice.Id, Attempt, "sim_ch_2", "4242", default);

        Assert.Equal(paid.Value, again.Value);
        Assert.Equal("invoice-transition-not-allowed", other.Failure?.Code);
    }

    [Fact]
    public async Task MarkPaymentFailed_pendingInvoice_listsItForAdmins()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);

        var failed = await harness.Service.MarkPaymentFailedAsync(
            Patient, invoice.Id, Attempt, "card_declined", default);
        var listed = await harness.Service.ListFailedPaymentsAsync(2027, 3, default);

        Assert.Equal(InvoiceStatus.PaymentFailed, failed.Value!.Status);
        Assert.Equal("card_declined", failed.Value.FailureCode);
        Assert.Equal(invoice.Id, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task MarkPaid_afterAFailedPayment_leavesTheFailedList()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);
        await harness.Service.MarkPaymentFailedAsync(Patient, invoice.Id, Attempt, "card_declined", default);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, OtherAttempt, default);

        var paid = await harness.Service.MarkPaidAsync(
            Patient, invoice.Id, OtherAttempt, "sim_ch_2", "4242", default);

        Assert.Equal(InvoiceStatus.Paid, paid.Value!.Status);
        Assert.Null(paid.Value.FailureCode);
        Assert.Empty(await harness.Service.ListFailedPaymentsAsync(2027, 3, default));
    }

    [Fact]
    public async Task MarkPaymentPending_againForTheSameAttempt_returnsTheInvoiceUnchanged()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        var first = await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);

        var again = await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);

        Assert.Equal(Attempt, first.Value!.PaymentAttemptId);
        Assert.Equal(first.Value, again.Value);
    }

    [Fact]
    public async Task MarkPaymentPending_whilePendingForAnotherAttempt_isRefusedAsPaymentInProgress()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);

        var other = await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, OtherAttempt, default);

        Assert.Equal("payment-in-progress", other.Failure?.Code);
        var stored = await harness.Service.GetForPatientAsync(Patient, invoice.Id, default);
        Assert.Equal(
            (InvoiceStatus.PaymentPending, Attempt), (stored.Value!.Status, stored.Value.PaymentAttemptId));
    }

    [Fact]
    public async Task MarkPaymentPending_voidInvoice_isRefusedAsNotPayable()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.VoidAsync(Patient, invoice.Id, null, default);

        var pending = await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);

        Assert.Equal("invoice-not-payable", pending.Failure?.Code);
        Assert.Equal(InvoiceStatus.Void, (await harness.Service.GetForPatientAsync(Patient, invoice.Id, default))
            .Value?.Status);
    }

    [Fact]
    public async Task MarkPaymentPending_invoicePaidByAnotherAttempt_isRefusedAsNotPayable()
    {
        using var harness = await BillingHarness.SeededAsync();
        var paid = await PaidAsync(harness);

        var pending = await harness.Service.MarkPaymentPendingAsync(Patient, paid.Id, OtherAttempt, default);

        Assert.Equal("invoice-not-payable", pending.Failure?.Code);
    }

    [Fact]
    public async Task MarkPaymentPending_afterAFailedPayment_takesTheNewAttempt()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);
        await harness.Service.MarkPaymentFailedAsync(Patient, invoice.Id, Attempt, "card_declined", default);

        var pending = await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, OtherAttempt, default);

        Assert.Equal(InvoiceStatus.PaymentPending, pending.Value?.Status);
        Assert.Equal(OtherAttempt, pending.Value?.PaymentAttemptId);
    }

    [Fact]
    public async Task MarkPaymentPending_twoAttemptsAtOnce_exactlyOneHoldsTheInvoice()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        var attempts = Enumerable.Range(0, 8).Select(i => $"pay-attempt-{i}").ToList();

        var results = await Task.WhenAll(attempts.Select(attempt => Task.Run(
            () => harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, attempt, default))));

        var holder = Assert.Single(results, result => result.Succeeded).Value!.PaymentAttemptId;
        Assert.All(results.Where(result => !result.Succeeded),
            result => Assert.Equal("payment-in-progress", result.Failure!.Code));
        var stored = await harness.Service.GetForPatientAsync(Patient, invoice.Id, default);
        Assert.Equal(holder, stored.Value!.PaymentAttemptId);
    }

    [Fact]
    public async Task MarkPaid_byAnAttemptThatDoesNotHoldThePendingInvoice_isRefused()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);

        var paid = await harness.Service.MarkPaidAsync(
            Patient, invoice.Id, OtherAttempt, "sim_ch_2", "4242", default);
        var failed = await harness.Service.MarkPaymentFailedAsync(
            Patient, invoice.Id, OtherAttempt, "card_declined", default);

        Assert.Equal(("payment-in-progress", "payment-in-progress"), (paid.Failure?.Code, failed.Failure?.Code));
        var stored = await harness.Service.GetForPatientAsync(Patient, invoice.Id, default);
        Assert.Equal(InvoiceStatus.PaymentPending, stored.Value!.Status);
    }

    [Fact]
    public async Task Void_paidInvoice_isAnIllegalTransition()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await PaidAsync(harness);

        var voided = await harness.Service.VoidAsync(Patient, invoice.Id, null, default);

        Assert.Equal("invoice-transition-not-allowed", voided.Failure?.Code);
    }

    [Fact]
    public async Task Void_withAStaleVersion_isAConflict()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);

        var voided = await harness.Service.VoidAsync(Patient, invoice.Id, invoice.Version, default);

        Assert.Equal("invoice-changed", voided.Failure?.Code);
    }

    [Fact]
    public async Task MarkPaid_whenAnotherWriterChangesTheRowFirst_rereadsAndValidatesAgain()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);
        harness.Invoices.BeforeReplace = stored =>
        {
            harness.Invoices.BeforeReplace = null;
            harness.Invoices.Overwrite(stored.Invoice with { Status = InvoiceStatus.PaymentFailed });
        };

        var paid = await harness.Service.MarkPaidAsync(Patient, invoice.Id, Attempt, "sim_ch_1", "4242", default);

        Assert.Equal("invoice-transition-not-allowed", paid.Failure?.Code);
    }

    [Fact]
    public async Task MarkPaid_alwaysLosingTheRace_isRefusedAsChanged()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);
        harness.Invoices.BeforeReplace = stored => harness.Invoices.Overwrite(stored.Invoice);

        var paid = await harness.Service.MarkPaidAsync(Patient, invoice.Id, Attempt, "sim_ch_1", "4242", default);

        Assert.Equal("invoice-changed", paid.Failure?.Code);
    }

    [Fact]
    public async Task MarkRefunded_afterRefundPending_endsRefunded()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await PaidAsync(harness);
        await harness.Service.MarkRefundPendingAsync(Patient, invoice.Id, null, default);

        var refunded = await harness.Service.MarkRefundedAsync(Patient, invoice.Id, default);

        Assert.Equal(InvoiceStatus.Refunded, refunded.Value!.Status);
    }

    [Fact]
    public async Task MarkRefundPending_unpaidInvoice_isAnIllegalTransition()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);

        var pending = await harness.Service.MarkRefundPendingAsync(Patient, invoice.Id, null, default);

        Assert.Equal("invoice-transition-not-allowed", pending.Failure?.Code);
    }

    [Fact]
    public async Task PaymentStatusForDoctor_ownAppointment_givesStatusOnly()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);

        var status = await harness.Service.PaymentStatusForDoctorAsync(Doctor, "appt-1", default);
        var other = await harness.Service.PaymentStatusForDoctorAsync("dr-amelia-hart", "appt-1", default);

        Assert.Equal(new DoctorPaymentStatus("appt-1", invoice.Id, InvoiceStatus.Open), status.Value);
        Assert.Equal("invoice-not-found", other.Failure?.Code);
    }

    [Fact]
    public async Task GetForAppointment_issued_findsTheInvoice()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);

        var found = await harness.Service.GetForAppointmentAsync("appt-1", default);

        Assert.Equal(invoice, found.Value);
    }

    private static async Task<Invoice> IssueAsync(BillingHarness harness) =>
        (await harness.Service.IssueForAppointmentAsync("appt-1", Patient, Doctor, default)).Value!;

    private static async Task<Invoice> PaidAsync(BillingHarness harness)
    {
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, Attempt, default);
        return (await harness.Service.MarkPaidAsync(Patient, invoice.Id, Attempt, "sim_ch_1", "4242", default)).Value!;
    }
}
