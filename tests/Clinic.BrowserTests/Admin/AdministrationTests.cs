using Clinic.BrowserTests.Infrastructure;
using Clinic.Platform.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Clinic.BrowserTests.Admin;

/// <summary>
/// Administrators see the users and the month's failed payments, whose patients they see by pseudonym only;
/// nobody else is offered the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministrationTests(ClinicSite site, ITestOutputHelper output)
{
    private const string Doctor = "dr-noah-fischer";

    [Fact]
    public async Task FailedPayments_afterADeclinedCard_listTheInvoiceWithItsReasonAndPatientPseudonym()
    {
        const string patient = "browser-patient-admin-sees";
        var arrange = new Arrange(site.Api);
        var slots = await arrange.FreeSlotsAsync(Doctor, weeksAhead: 2);
        var appointment = await arrange.BookAsync(patient, Doctor, slots[0]);
        var invoice = await arrange.InvoiceForAsync(patient, appointment.GetProperty("id").GetString()!);
        var invoiceId = invoice.GetProperty("id").GetString()!;
        await arrange.PayAsync(patient, invoiceId, "tok_decline");
        await using var session = await site.SignInAsync(output, "demo-admin", ["admin"]);

        var admin = await session.OpenAsync("admin");

        var row = admin.Locator($"#admin-payments-rows tr[data-invoice-id='{invoiceId}']");
        await Expect(row).ToContainTextAsync("card_declined");
        await Expect(row).ToContainTextAsync(Doctor);
        var pseudonym = site.Services.GetRequiredService<Pseudonymizer>().Pseudonymize(patient);
        await Expect(row).ToContainTextAsync(pseudonym);
        await Expect(row).Not.ToContainTextAsync(patient);
        await Expect(admin.Locator("#admin-users-rows")).ToContainTextAsync("demo admin");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Menu_forAPatientWhoTypedAdmin_offersNoAdministration()
    {
        await using var session = await site.SignInAsync(output, "browser-patient-typed-admin", ["admin"]);
        var page = session.Page;

        await page.GotoAsync("/#admin");

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "My appointments" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#view-admin")).ToBeHiddenAsync();
        await Expect(page.Locator("#app-message")).ToContainTextAsync("not available to you");
        session.AssertNoScriptErrors();
    }
}
