using Clinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Clinic.BrowserTests.Doctor;

/// <summary>A doctor edits their availability on their page; patients' searches follow at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AvailabilityTests(ClinicSite site, ITestOutputHelper output)
{
    // No other browser test books with this doctor, so a new day off changes nothing they rely on.
    private const string Doctor = "dr-lucia-romero";
    private const string DoctorAccount = "demo-doctor-lucia-romero";
    private const int WeeksAhead = 5;

    [Fact]
    public async Task DayOff_addedByTheDoctor_patientSeesNoSlotsThatDay()
    {
        var slots = await new Arrange(site.Api).FreeSlotsAsync(Doctor, WeeksAhead);
        var dayOff = slots[0][..10];

        await AddDayOffAsync(dayOff);
        await using var patient = await site.SignInAsync(output, "browser-patient-day-off", ["patient"]);
        var book = await ShowWeekAsync(patient);

        // The doctor works in Los Angeles by day, so a slot's UTC date is its local date.
        await Expect(book.Locator("#book-slots input[type=radio]").First).ToBeVisibleAsync();
        await Expect(book.Locator($"#book-slots input[type=radio][value^='{dayOff}']")).ToHaveCountAsync(0);
        patient.AssertNoScriptErrors();
    }

    private async Task AddDayOffAsync(string date)
    {
        await using var doctor = await site.SignInAsync(output, DoctorAccount, ["doctor"]);
        var form = (await doctor.OpenAsync("doctor-day")).Locator("#doctor-availability-form");
        await Expect(form.GetByLabel("Time zone")).ToHaveValueAsync("America/Los_Angeles");

        await form.GetByRole(AriaRole.Button, new() { Name = "Add day off" }).ClickAsync();
        await form.GetByLabel("Day off 1").FillAsync(date);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();

        await Expect(doctor.Page.Locator("#doctor-availability-message"))
            .ToContainTextAsync("The availability is saved");
        await Expect(form.GetByLabel("Day off 1")).ToHaveValueAsync(date);
        doctor.AssertNoScriptErrors();
    }

    private static async Task<ILocator> ShowWeekAsync(BrowserSession session)
    {
        var book = await session.OpenAsync("book");
        await book.GetByLabel("Doctor").SelectOptionAsync(Doctor);
        await book.GetByLabel("Week starting").FillAsync(Arrange.WeekStart(WeeksAhead));
        await book.GetByRole(AriaRole.Button, new() { Name = "Show free slots" }).ClickAsync();
        return book;
    }
}
