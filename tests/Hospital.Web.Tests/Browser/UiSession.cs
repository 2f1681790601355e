using Microsoft.Playwright;

namespace Hospital.Web.Tests.Browser;

/// <summary>One browser context on the app at a viewport: console and page errors collected, screenshots by name.</summary>
public sealed class UiSession : IAsyncDisposable
{
    private readonly HeadlessChromium chromium;
    private readonly IBrowserContext context;

    private UiSession(HospitalWebApp app, HeadlessChromium chromium, IBrowserContext context, IPage page)
    {
        App = app;
        this.chromium = chromium;
        this.context = context;
        Page = page;
        page.PageError += (_, error) => Errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add(message.Text);
            }
        };
    }

    public HospitalWebApp App { get; }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public static async Task<UiSession> StartAsync(HospitalWebApp app, int width = 1280, int height = 800)
    {
        var chromium = await HeadlessChromium.LaunchAsync();
        var context = await chromium.NewContextAsync(width, height);
        context.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        return new UiSession(app, chromium, context, await context.NewPageAsync());
    }

    /// <summary>
    /// Opens a page and waits until the circuit has taken the prerendered page over, so that what the test does next
    /// (typing, clicking) reaches the app rather than the static HTML.
    /// </summary>
    public async Task<IResponse?> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(new Uri(App.BaseAddress, path).ToString());
        await WaitUntilInteractiveAsync();
        return response;
    }

    public Task WaitUntilInteractiveAsync() => Page.Locator("[data-interactive=true]").WaitForAsync();

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.ScreenshotDirectory(), $"web-{name}.png"), FullPage = true });

    /// <summary>Runs axe-core and fails on serious or critical violations, printing each.</summary>
    public async Task AssertAccessibleAsync(string pageName)
    {
        var violations = await Axe.SeriousViolationsAsync(Page);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"axe {pageName}: {violations.Count} serious or critical violations");
        foreach (var violation in violations)
        {
            output?.WriteLine(violation);
        }

        Assert.True(violations.Count == 0, $"axe found serious or critical violations on {pageName}:\n{string.Join("\n", violations)}");
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        await chromium.DisposeAsync();
    }
}
