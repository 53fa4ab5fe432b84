using System.Text.RegularExpressions;
using Clinic.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Clinic.BrowserTests.Patient;

/// <summary>
/// The profile form shows the API's validation problem field by field, and saves a good profile.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ProfileTests(ClinicSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task Save_badPhone_showsThePhoneFieldErrorFromTheProblem()
    {
        await using var session = await site.SignInAsync(output, "browser-patient-bad-phone", ["patient"]);
        var page = session.Page;
        await session.OpenAsync("profile");

        await page.GetByLabel("Display name").FillAsync("Robin Vale");
        await EmailAddress(page).FillAsync("robin.vale@example.test");
        await page.GetByLabel("Phone").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();

        var phone = page.GetByLabel("Phone");
        await Expect(phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(phone).ToHaveAccessibleDescriptionAsync(ValidPhoneMessage());
        await Expect(EmailAddress(page)).Not.ToHaveAttributeAsync("aria-invalid", "true");
        var message = page.Locator("#profile-message");
        await Expect(message).ToContainTextAsync("Phone: Give a valid phone number");
        await Expect(message).ToContainTextAsync(CorrelationReference());
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Save_validProfile_showsTheNormalizedPhone()
    {
        await using var session = await site.SignInAsync(output, "browser-patient-good-phone", ["patient"]);
        var page = session.Page;
        await session.OpenAsync("profile");

        await page.GetByLabel("Display name").FillAsync("Sam Ortiz");
        await EmailAddress(page).FillAsync("sam.ortiz@example.test");
        await page.GetByLabel("Phone").FillAsync("(202) 555-0147");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Email" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();

        await Expect(page.Locator("#profile-message")).ToContainTextAsync("Your profile is saved.");
        await Expect(page.GetByLabel("Phone")).ToHaveValueAsync("+12025550147");
        await session.AssertNothingStoredAsync();
        session.AssertNoScriptErrors();
    }

    /// <summary>The address field, not the reminder channel checkbox that is also labelled "Email".</summary>
    private static ILocator EmailAddress(IPage page) =>
        page.GetByRole(AriaRole.Textbox, new() { Name = "Email" });

    [GeneratedRegex("^Give a valid phone number")]
    private static partial Regex ValidPhoneMessage();

    [GeneratedRegex(@"Reference for support: \S+")]
    private static partial Regex CorrelationReference();
}
