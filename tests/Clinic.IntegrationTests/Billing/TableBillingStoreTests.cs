using Clinic.Billing.Application;
using Clinic.Billing.Domain;
using Clinic.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.IntegrationTests.Billing;

/// <summary>Billing's table adapters on Azurite, through the interfaces the application uses.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableBillingStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 14, 9, 30, 0, TimeSpan.Zero);
    private RunningLocalHost _host = null!;

    private IInvoiceStore Invoices => _host.Services.GetRequiredService<IInvoiceStore>();

    private IFeeStore Fees => _host.Services.GetRequiredService<IFeeStore>();

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(azurite.Azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AddAndFind_invoice_roundTripsEveryField()
    {
        var invoice = Issue("appt-store-1", "patient/with?odd#chars") with
        {
            Status = InvoiceStatus.Paid,
            CardLast4 = "4242",
            PaymentReference = "sim_ch_1",
            PaymentAttemptId = "pay-inv_1-0123456789abcdef",
        };

        var added = await Invoices.AddAsync(invoice, CancellationToken.None);
        var again = await Invoices.AddAsync(invoice, CancellationToken.None);
        var found = await Invoices.FindAsync(invoice.PatientId, invoice.Id, CancellationToken.None);

        Assert.True(added);
        Assert.False(again);
        Assert.Equal(invoice, found!.Invoice);
        Assert.Equal(Money.Of(45.50m, "EUR"), found.Invoice.Amount);
    }

    [Fact]
    public async Task Replace_staleVersion_refusedAndRowUnchanged()
    {
        var invoice = Issue("appt-store-2", "patient-store-2");
        await Invoices.AddAsync(invoice, CancellationToken.None);
        var read = (await Invoices.FindAsync(invoice.PatientId, invoice.Id, CancellationToken.None))!;

        var first = await Invoices.ReplaceAsync(
            read, invoice with { Status = InvoiceStatus.Void, Version = 2 }, CancellationToken.None);
        var stale = await Invoices.ReplaceAsync(
            read, invoice with { Status = InvoiceStatus.PaymentPending, Version = 2 }, CancellationToken.None);
        var now = await Invoices.FindAsync(invoice.PatientId, invoice.Id, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(stale);
        Assert.Equal(InvoiceStatus.Void, now!.Invoice.Status);
    }

    [Fact]
    public async Task AddLink_twice_secondReturnsTheFirst()
    {
        var link = new InvoiceLink("appt-store-3", "inv-store-3", "patient-store-3", "dr-claire-dubois");

        var first = await Invoices.AddLinkAsync(link, CancellationToken.None);
        var second = await Invoices.AddLinkAsync(
            link with { PatientId = "someone-else" }, CancellationToken.None);

        Assert.Null(first);
        Assert.Equal(link, second);
        Assert.Equal(link, await Invoices.FindLinkAsync("appt-store-3", CancellationToken.None));
    }

    [Fact]
    public async Task ListForPatient_onlyThatPatientsInvoices()
    {
        await Invoices.AddAsync(Issue("appt-store-4a", "patient-store-4"), CancellationToken.None);
        await Invoices.AddAsync(Issue("appt-store-4b", "patient-store-4"), CancellationToken.None);
        await Invoices.AddAsync(Issue("appt-store-4c", "patient-store-4-other"), CancellationToken.None);

        var listed = await Invoices.ListForPatientAsync("patient-store-4", 10, CancellationToken.None);

        Assert.Equal(["appt-store-4a", "appt-store-4b"],
            listed.Select(s => s.Invoice.AppointmentId).Order().ToArray());
    }

    [Fact]
    public async Task FailedIndex_addTwiceRemoveAndList_perMonth()
    {
        var entry = new FailedPaymentEntry("2027-03", "inv-store-5", "patient-store-5", Now);

        await Invoices.AddFailedAsync(entry, CancellationToken.None);
        await Invoices.AddFailedAsync(entry, CancellationToken.None);
        await Invoices.AddFailedAsync(entry with { InvoiceId = "inv-store-6" }, CancellationToken.None);
        await Invoices.RemoveFailedAsync("2027-03", "inv-store-6", CancellationToken.None);
        await Invoices.RemoveFailedAsync("2027-03", "inv-never-there", CancellationToken.None);
        var march = await Invoices.ListFailedAsync("2027-03", 10, CancellationToken.None);
        var april = await Invoices.ListFailedAsync("2027-04", 10, CancellationToken.None);

        Assert.Equal(entry, Assert.Single(march));
        Assert.Empty(april);
    }

    [Fact]
    public async Task Fees_addIfMissing_keepsTheFirstFee()
    {
        var fee = new DoctorFee("dr-store-fee", Money.Of(80m, "USD"));

        var added = await Fees.AddIfMissingAsync(fee, CancellationToken.None);
        var replaced = await Fees.AddIfMissingAsync(
            fee with { Fee = Money.Of(1m, "USD") }, CancellationToken.None);

        Assert.True(added);
        Assert.False(replaced);
        Assert.Equal(fee, await Fees.FindAsync("dr-store-fee", CancellationToken.None));
        Assert.Null(await Fees.FindAsync("dr-store-unknown", CancellationToken.None));
    }

    private static Invoice Issue(string appointmentId, string patientId) =>
        Invoice.Issue(appointmentId, patientId, "dr-claire-dubois", Money.Of(45.50m, "EUR"), Now);
}
