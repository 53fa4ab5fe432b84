using Clinic.Billing.Domain;

namespace Clinic.Billing.Tests.Domain;

public sealed class InvoiceTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(InvoiceStatus.Open, InvoiceStatus.PaymentPending)]
    [InlineData(InvoiceStatus.Open, InvoiceStatus.Void)]
    [InlineData(InvoiceStatus.PaymentPending, InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.PaymentPending, InvoiceStatus.PaymentFailed)]
    [InlineData(InvoiceStatus.PaymentFailed, InvoiceStatus.PaymentPending)]
    [InlineData(InvoiceStatus.PaymentFailed, InvoiceStatus.Void)]
    [InlineData(InvoiceStatus.Paid, InvoiceStatus.RefundPending)]
    [InlineData(InvoiceStatus.RefundPending, InvoiceStatus.Refunded)]
    [InlineData(InvoiceStatus.RefundPending, InvoiceStatus.Paid)]
    public void MoveTo_allowedTransition_changesStatusAndVersion(InvoiceStatus from, InvoiceStatus to)
    {
        var invoice = Sample() with { Status = from };

        var moved = invoice.MoveTo(to, Now.AddMinutes(1));

        Assert.True(moved.Succeeded);
        Assert.Equal(to, moved.Value.Status);
        Assert.Equal(invoice.Version + 1, moved.Value.Version);
        Assert.Equal(Now.AddMinutes(1), moved.Value.UpdatedAt);
    }

    [Theory]
    [InlineData(InvoiceStatus.Open, InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.Open, InvoiceStatus.Refunded)]
    [InlineData(InvoiceStatus.Paid, InvoiceStatus.Void)]
    [InlineData(InvoiceStatus.Paid, InvoiceStatus.PaymentPending)]
    [InlineData(InvoiceStatus.Void, InvoiceStatus.PaymentPending)]
    [InlineData(InvoiceStatus.Refunded, InvoiceStatus.RefundPending)]
    [InlineData(InvoiceStatus.PaymentPending, InvoiceStatus.Void)]
    public void MoveTo_illegalTransition_isAFailure(InvoiceStatus from, InvoiceStatus to)
    {
        var invoice = Sample() with { Status = from };

        var moved = invoice.MoveTo(to, Now);

        Assert.False(moved.Succeeded);
        Assert.Equal("invoice-transition-not-allowed", moved.Failure.Code);
    }

    private static Invoice Sample() =>
        Invoice.Issue("appt-1", "patient-1", "dr-amelia-hart", Money.Of(180m, "USD"), Now);
}
