using Clinic.Billing.Domain;

namespace Clinic.Billing.Tests.Domain;

public sealed class InvoiceTests
{
    private const string Attempt = "pay-attempt-1";
    private const string OtherAttempt = "pay-attempt-2";

    private static readonly DateTimeOffset Now = new(2027, 3, 15, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(InvoiceStatus.Open)]
    [InlineData(InvoiceStatus.PaymentFailed)]
    public void IsPayableBy_openOrFailedInvoice_takesANewAttempt(InvoiceStatus status)
    {
        var attempt = status == InvoiceStatus.Open ? null : Attempt;
        var invoice = Sample() with { Status = status, PaymentAttemptId = attempt };

        var payable = invoice.IsPayableBy(OtherAttempt);

        Assert.True(payable);
    }

    [Theory]
    [InlineData(InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.RefundPending)]
    [InlineData(InvoiceStatus.Refunded)]
    [InlineData(InvoiceStatus.Void)]
    public void IsPayableBy_paidRefundedOrVoidInvoice_refusesAnotherAttempt(InvoiceStatus status)
    {
        var invoice = Sample() with { Status = status, PaymentAttemptId = Attempt };

        var payable = invoice.IsPayableBy(OtherAttempt);

        Assert.False(payable);
    }

    [Fact]
    public void IsPayableBy_voidInvoiceNeverPaid_refusesEveryAttempt()
    {
        var invoice = Invoice.IssueVoid("appt-1", "patient-1", "dr-amelia-hart", Money.Of(180m, "USD"), Now);

        var payable = invoice.IsPayableBy(Attempt);

        Assert.False(payable);
    }

    [Fact]
    public void IsPayableBy_paidByThisAttempt_letsItsResubmissionJoin()
    {
        var invoice = Sample() with { Status = InvoiceStatus.Paid, PaymentAttemptId = Attempt };

        var payable = invoice.IsPayableBy(Attempt);

        Assert.True(payable);
    }

    private static Invoice Sample() =>
        Invoice.Issue("appt-1", "patient-1", "dr-amelia-hart", Money.Of(180m, "USD"), Now);
}
