using System.Text.Json;
using Clinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Clinic.BrowserTests.Doctor;

/// <summary>A doctor's day shows the patients' bookings with each one's payment state.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DoctorDayTests(ClinicSite site, ITestOutputHelper output)
{
    private const string Doctor = "dr-amelia-hart";
    private const string DoctorAccount = "demo-doctor-amelia-hart";

    [Fact]
    public async Task MyDay_withAPaidAndAnUnpaidBooking_showsBothWithTheirPaymentStatus()
    {
        var arrange = new Arrange(site.Api);
        var slots = await arrange.FreeSlotsAsync(Doctor, weeksAhead: 2);
        var paid = await arrange.BookAsync("browser-patient-paid-visit", Doctor, slots[0]);
        var unpaid = await arrange.BookAsync("browser-patient-unpaid-visit", Doctor, slots[1]);
        var invoice = await arrange.InvoiceForAsync("browser-patient-paid-visit", Id(paid));
        await arrange.PayAsync("browser-patient-paid-visit", Id(invoice), "tok_approve");
        await using var session = await site.SignInAsync(output, DoctorAccount, ["doctor"]);

        var day = await session.OpenAsync("doctor-day");
        await day.GetByLabel("Date").FillAsync(paid.GetProperty("localStart").GetString()![..10]);
        await day.GetByRole(AriaRole.Button, new() { Name = "Show day" }).ClickAsync();

        var paidRow = day.Locator($"tr[data-appointment-id='{Id(paid)}']");
        var unpaidRow = day.Locator($"tr[data-appointment-id='{Id(unpaid)}']");
        await Expect(paidRow).ToContainTextAsync("browser-patient-paid-visit");
        await Expect(paidRow).ToContainTextAsync("Booked");
        await Expect(paidRow.Locator("[data-status]")).ToHaveTextAsync("Paid");
        await Expect(unpaidRow.Locator("[data-status]")).ToHaveTextAsync("Not paid yet");
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "My day" })).ToBeVisibleAsync();
        session.AssertNoScriptErrors();
    }

    private static string Id(JsonElement resource) => resource.GetProperty("id").GetString()!;
}
