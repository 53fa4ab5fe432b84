using Clinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Clinic.BrowserTests.Patient;

/// <summary>
/// Paying an invoice with the simulated gateway's test cards, and following the payment until it settles.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaymentTests(ClinicSite site, ITestOutputHelper output)
{
    private const string Doctor = "dr-kenji-sato";

    [Fact]
    public async Task Pay_approvedTestCard_invoiceShowsPaid()
    {
        const string patient = "browser-patient-pays";
        var invoiceId = await BookAsync(patient, weeksAhead: 2);
        await using var session = await site.SignInAsync(output, patient, ["patient"]);

        await PayAsync(session, invoiceId, "Test card: approved");

        var page = session.Page;
        await Expect(page.Locator("#invoices-message")).ToContainTextAsync("Paid");
        await Expect(StatusOf(page, invoiceId)).ToHaveTextAsync("Paid");
        await Expect(PayButton(page, invoiceId)).ToHaveCountAsync(0);
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Pay_declinedTestCard_showsAFriendlyFailureAndAllowsAnotherTry()
    {
        const string patient = "browser-patient-declined";
        var invoiceId = await BookAsync(patient, weeksAhead: 3);
        await using var session = await site.SignInAsync(output, patient, ["patient"]);

        await PayAsync(session, invoiceId, "Test card: declined");

        var page = session.Page;
        var message = page.Locator("#invoices-message");
        await Expect(message).ToContainTextAsync("Payment failed. The card was declined. No money was taken");
        await Expect(message).Not.ToContainTextAsync("card_declined");
        await Expect(StatusOf(page, invoiceId)).ToHaveTextAsync("Payment failed");
        await Expect(PayButton(page, invoiceId)).ToBeVisibleAsync();
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Pay_invoiceVoidedWhileThePayPanelIsOpen_saysItCannotBePaidAndShowsItVoid()
    {
        const string patient = "browser-patient-pays-a-void-invoice";
        var arrange = new Arrange(site.Api);
        var slots = await arrange.FreeSlotsAsync(Doctor, weeksAhead: 4);
        var appointmentId = (await arrange.BookAsync(patient, Doctor, slots[0])).GetProperty("id").GetString()!;
        var invoiceId = (await arrange.InvoiceForAsync(patient, appointmentId)).GetProperty("id").GetString()!;
        await using var session = await site.SignInAsync(output, patient, ["patient"]);
        var page = session.Page;
        await session.OpenAsync("invoices");
        await PayButton(page, invoiceId).ClickAsync();
        await arrange.CancelAsync(patient, appointmentId);
        await arrange.WaitForInvoiceStatusAsync(patient, invoiceId, "void");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();

        await Expect(page.Locator("#invoices-message")).ToContainTextAsync("This invoice cannot be paid");
        await Expect(page.Locator("#pay-panel")).ToBeHiddenAsync();
        await Expect(StatusOf(page, invoiceId)).ToHaveTextAsync("Void (appointment cancelled)");
        await Expect(PayButton(page, invoiceId)).ToHaveCountAsync(0);
        session.AssertNoScriptErrors();
    }

    private async Task<string> BookAsync(string patient, int weeksAhead)
    {
        var arrange = new Arrange(site.Api);
        var slots = await arrange.FreeSlotsAsync(Doctor, weeksAhead);
        var appointment = await arrange.BookAsync(patient, Doctor, slots[0]);
        var invoice = await arrange.InvoiceForAsync(patient, appointment.GetProperty("id").GetString()!);
        return invoice.GetProperty("id").GetString()!;
    }

    private static async Task PayAsync(BrowserSession session, string invoiceId, string testCard)
    {
        await session.OpenAsync("invoices");
        await Expect(StatusOf(session.Page, invoiceId)).ToHaveTextAsync("Not paid yet");
        await PayButton(session.Page, invoiceId).ClickAsync();
        await session.Page.GetByLabel("Test card for the simulated payment gateway").SelectOptionAsync(
            new SelectOptionValue { Label = testCard });
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
    }

    private static ILocator StatusOf(IPage page, string invoiceId) =>
        page.Locator($"tr[data-invoice-id='{invoiceId}'] td.status");

    private static ILocator PayButton(IPage page, string invoiceId) =>
        page.Locator($"tr[data-invoice-id='{invoiceId}']").GetByRole(AriaRole.Button, new() { Name = "Pay" });
}
