// Time to first content: opens pages of a running Hospital.Web in fresh Chromium contexts (no cache, no cookies, a
// new circuit each time) and reports, from the start of navigation, the first contentful paint and the moment the
// page's main content is in the document (the frame after it appears): the dashboard's figures, the grid's first row.
// Usage: FirstContentBench <web base url> [runs=15]
using System.Globalization;
using Microsoft.Playwright;

if (args.Length < 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseUri)
    || !int.TryParse(args.ElementAtOrDefault(1) ?? "15", NumberStyles.None, CultureInfo.InvariantCulture, out var runs) || runs < 1)
{
    Console.Error.WriteLine("usage: FirstContentBench <web base url> [runs=15]");
    return 2;
}

(string Name, string Path, string Content)[] pages =
[
    ("home", "/", "[data-testid=appointments-today]"),
    ("patients", "/patients", ".patients-grid tbody tr.rz-data-row"),
];

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

// Signed in once as the doctor through the sign-in page; every measured context starts with that cookie. Builds from
// before sign-in (to measure "before") have no sign-in page: their pages open without one.
string signedIn;
await using (var signInContext = await browser.NewContextAsync())
{
    var signInPage = await signInContext.NewPageAsync();
    await signInPage.GotoAsync(new Uri(baseUri, "/signin").ToString());
    if (await signInPage.GetByLabel("User name").CountAsync() > 0)
    {
        await signInPage.GetByLabel("User name").FillAsync("doctor");
        await signInPage.GetByLabel("Password", new() { Exact = true }).FillAsync(Environment.GetEnvironmentVariable("BENCH_PASSWORD") ?? "");
        await signInPage.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await signInPage.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    signedIn = await signInContext.StorageStateAsync();
}

// One unmeasured visit per page first: the server's JIT and caches, not the page, would dominate it.
foreach (var page in pages)
{
    await MeasureAsync(page.Path, page.Content);
}

Console.WriteLine($"{runs} runs per page, fresh browser context each; ms from navigation start (median / p90 / min / max)");
foreach (var page in pages)
{
    var paints = new List<double>();
    var contents = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var (paint, content) = await MeasureAsync(page.Path, page.Content);
        paints.Add(paint);
        contents.Add(content);
    }

    Console.WriteLine($"{page.Name,-9} first contentful paint {Summary(paints)}");
    Console.WriteLine($"{page.Name,-9} main content visible   {Summary(contents)}");
}

return 0;

async Task<(double Paint, double Content)> MeasureAsync(string path, string contentSelector)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 }, StorageState = signedIn });
    // Watches the document from its first byte: the parser's insertions and Blazor's renders alike.
    await context.AddInitScriptAsync($$"""
        (() => {
          const selector = {{System.Text.Json.JsonSerializer.Serialize(contentSelector)}};
          const seen = () => {
            if (window.__contentAt === undefined && document.querySelector(selector)) {
              window.__contentAt = null;
              requestAnimationFrame(() => { window.__contentAt = performance.now(); });
            }
          };
          new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true });
        })();
        """);
    var tab = await context.NewPageAsync();
    await tab.GotoAsync(new Uri(baseUri, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
    await tab.WaitForFunctionAsync("() => typeof window.__contentAt === 'number'", null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 20 });
    var shown = await tab.EvaluateAsync<double>("() => window.__contentAt");
    var paint = await tab.EvaluateAsync<double>(
        "() => new Promise(resolve => { const find = () => { const e = performance.getEntriesByName('first-contentful-paint')[0]; e ? resolve(e.startTime) : setTimeout(find, 20); }; find(); })");
    return (paint, shown);
}

static string Summary(List<double> values)
{
    var sorted = values.Order().ToList();
    double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"{At(0.5),6:0} / {At(0.9),6:0} / {sorted[0],6:0} / {sorted[^1],6:0}");
}
