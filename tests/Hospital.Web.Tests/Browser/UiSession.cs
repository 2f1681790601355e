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

    /// <summary>A browser signed in as a demo account (<c>doctor</c> unless said), or signed out with <paramref name="userName"/> null.</summary>
    public static async Task<UiSession> StartAsync(HospitalWebApp app, int width = 1280, int height = 800, string? userName = "doctor")
    {
        var chromium = await HeadlessChromium.LaunchAsync();
        var state = userName is null ? null : await SignedInStateAsync(app, chromium, userName);
        var context = await chromium.NewContextAsync(width, height, state);
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

    /// <summary>Waits for the circuit, or for a page that is rendered on the server only (sign-in, change password).</summary>
    public Task WaitUntilInteractiveAsync() => Page.Locator("[data-interactive=true], [data-interactive=static]").First.WaitForAsync();

    /// <summary>Signs in through the sign-in page once per account and app, and keeps the browser state (the cookie).</summary>
    private static async Task<string> SignedInStateAsync(HospitalWebApp app, HeadlessChromium chromium, string userName)
    {
        if (app.SignedInStates.TryGetValue(userName, out var state))
        {
            return state;
        }

        await using var context = await chromium.NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "signin").ToString());
        await SignInOnPageAsync(page, userName, HospitalWebApp.DemoPassword);
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new() { Timeout = 30_000 });
        }
        catch (TimeoutException e)
        {
            // Say what the sign-in page says (a refusal, a throttle) rather than only that it stayed.
            throw new InvalidOperationException($"{userName} stayed on the sign-in page: {await page.Locator("main").InnerTextAsync()}", e);
        }
        state = await context.StorageStateAsync();
        app.SignedInStates[userName] = state;
        return state;
    }

    /// <summary>Fills the sign-in form and submits it.</summary>
    public static async Task SignInOnPageAsync(IPage page, string userName, string password)
    {
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }


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
