using System.Globalization;
using Clinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Clinic.BrowserTests.Patient;

/// <summary>
/// A patient books a slot, finds it in "My appointments", moves it to another slot and cancels it; slots are
/// shown on the doctor's clock and the patient's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AppointmentJourneyTests(ClinicSite site, ITestOutputHelper output)
{
    private const string Doctor = "dr-claire-dubois";
    private const string DoctorName = "Dr. Claire Dubois";
    private const string DoctorZone = "Europe/Paris";
    private const string PatientZone = "America/New_York";
    private const int JourneyWeeksAhead = 2;

    [Fact]
    public async Task Slots_ofAParisDoctorSeenFromNewYork_showBothClocks()
    {
        var slots = await new Arrange(site.Api).FreeSlotsAsync(Doctor, weeksAhead: 4);
        await using var session = await site.SignInAsync(
            output, "browser-patient-zones", ["patient"], PatientZone);

        var book = await ShowWeekAsync(session, weeksAhead: 4);

        await Expect(Slot(book, slots[0])).ToHaveAccessibleNameAsync(BothClocks(slots[0]));
        await Expect(Slot(book, slots[^1])).ToHaveAccessibleNameAsync(BothClocks(slots[^1]));
        await Expect(book).ToContainTextAsync("Each time is shown in the doctor's time zone and in yours "
            + "(America/New York)");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task BookRescheduleCancel_throughThePages_myAppointmentsFollowsEachStep()
    {
        var slots = await new Arrange(site.Api).FreeSlotsAsync(Doctor, JourneyWeeksAhead);
        var (first, later) = (slots[0], slots[^1]);
        await using var session = await site.SignInAsync(
            output, "browser-patient-journey", ["patient"], PatientZone);
        var page = session.Page;
        var row = page.Locator("#appointments-rows tr", new() { HasText = DoctorName });

        await BookAsync(session, first);
        await page.GetByRole(AriaRole.Link, new() { Name = "See my appointments" }).ClickAsync();
        await Expect(row).ToContainTextAsync(BothClocks(first));
        await Expect(row).ToContainTextAsync("Booked");

        await RescheduleAsync(page, row, later);
        await Expect(page.Locator("#appointments-message")).ToContainTextAsync("Moved to");
        await Expect(row).ToContainTextAsync(BothClocks(later));

        await CancelAsync(page, row);
        await Expect(page.Locator("#appointments-message")).ToContainTextAsync("is cancelled");
        await Expect(row).ToContainTextAsync("Cancelled");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await session.AssertNothingStoredAsync();
        session.AssertNoScriptErrors();
    }

    private static async Task<ILocator> ShowWeekAsync(BrowserSession session, int weeksAhead)
    {
        var book = await session.OpenAsync("book");
        await book.GetByLabel("Doctor").SelectOptionAsync(Doctor);
        await book.GetByLabel("Week starting").FillAsync(Arrange.WeekStart(weeksAhead));
        await book.GetByRole(AriaRole.Button, new() { Name = "Show free slots" }).ClickAsync();
        return book;
    }

    private static async Task BookAsync(BrowserSession session, string start)
    {
        var book = await ShowWeekAsync(session, JourneyWeeksAhead);
        await Slot(book, start).CheckAsync();
        await book.GetByRole(AriaRole.Button, new() { Name = "Book selected slot" }).ClickAsync();
        await Expect(book.Locator("#book-message")).ToContainTextAsync("Booked");
    }

    private static async Task RescheduleAsync(IPage page, ILocator row, string start)
    {
        await row.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        var panel = page.Locator("#reschedule-panel");
        await Slot(panel, start).CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Move to selected slot" }).ClickAsync();
    }

    private static async Task CancelAsync(IPage page, ILocator row)
    {
        await row.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this appointment?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
    }

    private static ILocator Slot(ILocator within, string startUtc) =>
        within.Locator($"input[type=radio][value='{startUtc}']");

    /// <summary>"08:30 Europe/Paris (02:30 your time)": the doctor's clock, then the browser's.</summary>
    private static string BothClocks(string startUtc)
    {
        var instant = DateTimeOffset.Parse(startUtc, CultureInfo.InvariantCulture);
        string Clock(string zone) => TimeZoneInfo
            .ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone))
            .ToString("HH:mm", CultureInfo.InvariantCulture);
        return $"{Clock(DoctorZone)} {DoctorZone} ({Clock(PatientZone)} your time)";
    }
}
