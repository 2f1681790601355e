using Microsoft.Playwright;

namespace Hospital.Testing;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, packages chromium and chromium-driver) driven by Playwright: the
/// Playwright package's own browser download cannot work on our machines, so the system browser is launched instead.
/// The flags keep it off the network (no component updates, sync or background requests) and let it run as root.
/// A test that calls <see cref="LaunchAsync"/> on a machine without Chromium is skipped with the reason.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Starts Playwright's driver and a headless Chromium, or skips the calling test when there is no Chromium.</summary>
    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Skip("Chromium not found: install the Debian packages chromium and chromium-driver (CI does).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Flags,
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh context (own cookies, storage and service workers) with the given viewport.</summary>
    /// <param name="width">Viewport width.</param>
    /// <param name="height">Viewport height.</param>
    /// <param name="storageState">Cookies and storage to start with (e.g. a signed-in user's), as Playwright saves them.</param>
    public async Task<IBrowserContext> NewContextAsync(int width, int height, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            StorageState = storageState,
        });

        // Single-page apps (the IDE, the Blazor UI) on small CI machines: allow for a slow first paint. (Expect's
        // timeout is process-wide in Playwright; every browser test here wants the same.)
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        return context;
    }

    /// <summary>Where tests save screenshots for people to look at: <c>artifacts/screenshots</c> (git-ignored).</summary>
    public static string ScreenshotDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "")
    {
        var directory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "artifacts", "screenshots"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
