using Clinic.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.BrowserTests.Infrastructure;

/// <summary>
/// The whole site as a person meets it locally: Azurite, the local host in process, and the Static Web Apps
/// CLI emulator serving <c>frontend/</c> in front of it, driven through the machine's Chromium.
/// </summary>
public sealed class ClinicSite : IAsyncLifetime
{
    /// <summary>Generous: on 2 cores the browser, Azurite, host and emulator all run at once.</summary>
    private const float TimeoutMs = 30_000;

    private AzuriteProcess? _azurite;
    private RunningLocalHost? _host;
    private StaticWebAppsEmulator? _emulator;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The API without the emulator in between, for arranging data as a given user.</summary>
    public HttpClient Api => Started(_host).Client;

    public Uri Address => Started(_emulator).Address;

    /// <summary>The local host's services, for what a test must compute as the app does (a pseudonym).</summary>
    public IServiceProvider Services => Started(_host).Services;

    public async Task InitializeAsync()
    {
        // The browser first: without one, nothing else is worth starting, and the message says what to do.
        var executable = Chromium.FindExecutable();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox"],
            Timeout = TimeoutMs,
        });
        Assertions.SetDefaultExpectTimeout(TimeoutMs);

        _azurite = await AzuriteProcess.StartAsync();
        _host = await RunningLocalHost.StartAsync(_azurite);
        _emulator = await StaticWebAppsEmulator.StartAsync(_host.Client.BaseAddress!);
    }

    /// <summary>
    /// A fresh browser context signed in as the emulator's mock form would sign <paramref name="userId"/> in:
    /// its <c>StaticWebAppsAuthCookie</c>, with <paramref name="typedRoles"/> as typed into the form.
    /// </summary>
    public async Task<BrowserSession> SignInAsync(
        ITestOutputHelper output, string userId, string[] typedRoles, string timeZone = "America/New_York")
    {
        var context = await Started(_browser).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            Locale = "en-GB",
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout(TimeoutMs);
        await context.AddCookiesAsync(
        [
            new Cookie
            {
                Name = "StaticWebAppsAuthCookie",
                Value = RunningLocalHost.Principal(userId, typedRoles),
                Url = Address.ToString(),
            },
        ]);
        return await BrowserSession.OpenAsync(context, output);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_emulator is not null)
            await _emulator.DisposeAsync();
        if (_host is not null)
            await _host.DisposeAsync();
        if (_azurite is not null)
            await _azurite.DisposeAsync();
    }

    private static T Started<T>(T? part) where T : class =>
        part ?? throw new InvalidOperationException("The site is not started.");
}
