using Clinic.Billing.Application;
using Clinic.Billing.Domain;
using Clinic.Billing.Payments;
using Clinic.Billing.Tests.Fakes;

namespace Clinic.Billing.Tests.Application;

/// <summary>The service on in-memory stores with the table adapters' insert-only and ETag rules.</summary>
public sealed class InvoiceServiceTests
{
    private const string Patient = "patient-1";
    private const string Doctor = "dr-kenji-sato";

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
    public async Task Pay_approved_marksPaidWithLast4AndReference()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);

        var paid = await harness.Payments.PayAsync(Patient, invoice.Id, "tok_approve", "pay-1", default);

        Assert.Equal(InvoiceStatus.Paid, paid.Value!.Status);
        Assert.Equal("4242", paid.Value.CardLast4);
        Assert.NotNull(paid.Value.PaymentReference);
    }

    [Fact]
    public async Task Pay_transientTwiceThenRetried_chargesOnceAndEndsPaid()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            await Assert.ThrowsAsync<TransientPaymentException>(() =>
                harness.Payments.PayAsync(Patient, invoice.Id, "tok_transient_2", "pay-1", default));
            var pending = await harness.Service.GetForPatientAsync(Patient, invoice.Id, default);
            Assert.Equal(InvoiceStatus.PaymentPending, pending.Value!.Status);
        }

        var paid = await harness.Payments.PayAsync(Patient, invoice.Id, "tok_transient_2", "pay-1", default);
        var replay = await harness.Payments.PayAsync(
            Patient, invoice.Id, "tok_transient_2", "pay-1", default);

        Assert.Equal(InvoiceStatus.Paid, paid.Value!.Status);
        Assert.Equal(paid.Value, replay.Value);
        Assert.Equal(1, harness.Gateway.Captures);
    }

    [Fact]
    public async Task Pay_declined_marksFailedAndListsItForAdmins()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);

        var failed = await harness.Payments.PayAsync(Patient, invoice.Id, "tok_decline", "pay-1", default);
        var listed = await harness.Service.ListFailedPaymentsAsync(2027, 3, default);

        Assert.Equal(InvoiceStatus.PaymentFailed, failed.Value!.Status);
        Assert.Equal("card_declined", failed.Value.FailureCode);
        Assert.Equal(invoice.Id, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task Pay_afterAFailureWithANewKey_succeedsAndLeavesTheFailedList()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Payments.PayAsync(Patient, invoice.Id, "tok_decline", "pay-1", default);

        var paid = await harness.Payments.PayAsync(Patient, invoice.Id, "tok_approve", "pay-2", default);

        Assert.Equal(InvoiceStatus.Paid, paid.Value!.Status);
        Assert.Empty(await harness.Service.ListFailedPaymentsAsync(2027, 3, default));
    }

    [Fact]
    public async Task Pay_cardNumberInsteadOfToken_isRefusedWithoutCallingTheGateway()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);

        var paid = await harness.Payments.PayAsync(Patient, invoice.Id, "4242424242424242", "pay-1", default);

        Assert.Equal("validation", paid.Failure?.Code);
        var stored = await harness.Service.GetForPatientAsync(Patient, invoice.Id, default);
        Assert.Equal(InvoiceStatus.Open, stored.Value!.Status);
    }

    [Fact]
    public async Task Void_paidInvoice_isAnIllegalTransition()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Payments.PayAsync(Patient, invoice.Id, "tok_approve", "pay-1", default);

        var voided = await harness.Service.VoidAsync(Patient, invoice.Id, null, default);

        Assert.Equal("invoice-transition-not-allowed", voided.Failure?.Code);
    }

    [Fact]
    public async Task Void_withAStaleVersion_isAConflict()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, default);

        var voided = await harness.Service.VoidAsync(Patient, invoice.Id, invoice.Version, default);

        Assert.Equal("invoice-changed", voided.Failure?.Code);
    }

    [Fact]
    public async Task MarkPaid_whenAnotherWriterChangesTheRowFirst_rereadsAndValidatesAgain()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, default);
        harness.Invoices.BeforeReplace = stored =>
        {
            harness.Invoices.BeforeReplace = null;
            harness.Invoices.Overwrite(stored.Invoice with { Status = InvoiceStatus.PaymentFailed });
        };

        var paid = await harness.Service.MarkPaidAsync(Patient, invoice.Id, "sim_ch_1", "4242", default);

        Assert.Equal("invoice-transition-not-allowed", paid.Failure?.Code);
    }

    [Fact]
    public async Task MarkPaid_alwaysLosingTheRace_isRefusedAsChanged()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Service.MarkPaymentPendingAsync(Patient, invoice.Id, default);
        harness.Invoices.BeforeReplace = stored => harness.Invoices.Overwrite(stored.Invoice);

        var paid = await harness.Service.MarkPaidAsync(Patient, invoice.Id, "sim_ch_1", "4242", default);

        Assert.Equal("invoice-changed", paid.Failure?.Code);
    }

    [Fact]
    public async Task Refund_paidInvoice_endsRefunded()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);
        await harness.Payments.PayAsync(Patient, invoice.Id, "tok_approve", "pay-1", default);

        var refunded = await harness.Payments.RefundAsync(Patient, invoice.Id, "refund-1", default);

        Assert.Equal(InvoiceStatus.Refunded, refunded.Value!.Status);
    }

    [Fact]
    public async Task Refund_unpaidInvoice_isAnIllegalTransition()
    {
        using var harness = await BillingHarness.SeededAsync();
        var invoice = await IssueAsync(harness);

        var refunded = await harness.Payments.RefundAsync(Patient, invoice.Id, "refund-1", default);

        Assert.Equal("invoice-transition-not-allowed", refunded.Failure?.Code);
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
}
