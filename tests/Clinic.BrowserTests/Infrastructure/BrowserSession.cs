using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Clinic.BrowserTests.Infrastructure;

/// <summary>
/// One signed-in person's browser tab. What the page logs, throws or fails to load goes to the test's
/// output; script errors and anything the Content Security Policy blocked fail the test, since a page that
/// works only by luck, or only without the site's headers, should not pass.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _scriptErrors = new();

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(IBrowserContext context, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        page.Console += (_, message) =>
        {
            output.WriteLine($"console {message.Type}: {message.Text}");
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                session._scriptErrors.Enqueue(message.Text);
        };
        page.PageError += (_, error) =>
        {
            output.WriteLine($"page error: {error}");
            session._scriptErrors.Enqueue(error);
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                output.WriteLine($"{response.Request.Method} {response.Url} answered {response.Status}");
        };
        return session;
    }

    /// <summary>Opens a view of the site by its fragment, e.g. <c>book</c>, and returns it.</summary>
    public async Task<ILocator> OpenAsync(string view)
    {
        await Page.GotoAsync($"/#{view}");
        var section = Page.Locator($"#view-{view}");
        await Assertions.Expect(section).ToBeVisibleAsync();
        return section;
    }

    public void AssertNoScriptErrors() => Assert.Empty(_scriptErrors);

    /// <summary>Personal data stays in the page: nothing is written to the browser's storage.</summary>
    public async Task AssertNothingStoredAsync()
    {
        var stored = await Page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length");
        Assert.Equal(0, stored);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
