using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.GraphQL.Tests.Browser;

/// <summary>
/// The Banana Cake Pop IDE at <c>/graphql</c> as an analyst uses it, in a real (headless) Chromium: it loads from our
/// server alone, runs an operation typed into its editor and shows the response. Screenshots of each viewport go to
/// <c>artifacts/screenshots</c>.
/// </summary>
/// <remarks>
/// Selectors, chosen to survive IDE updates (its CSS class names are generated and change with every build):
/// buttons by their accessible names (<c>Create Document</c>, <c>Run Operation</c>, <c>Operation Builder</c>);
/// the Monaco editors by the language and model URI the IDE gives them (operations are GraphQL in
/// <c>file:///operations/…</c>, variables JSON in <c>file:///variables/…</c>, the response the only JSON editor
/// without a <c>file:///</c> model); and Monaco's own <c>.view-lines</c> and <c>.codelens-decoration</c> parts.
/// </remarks>
public sealed class IdeBrowserTests(HospitalApi api)
{
    // Monaco puts the language on the editor's host element and the model URI on the editor itself.
    private const string OperationsEditor = "[data-mode-id=\"graphql\"] .monaco-editor[data-uri^=\"file:///operations/\"]";
    private const string ResponseEditor = "[data-mode-id=\"json\"] .monaco-editor:not([data-uri^=\"file:///\"])";

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task Ide_RunsAnOperationAndShowsTheResponse_WithoutLeavingTheServer(string name, int width, int height)
    {
        var endpoint = new Uri(api.Client.BaseAddress!, "/graphql");
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var context = await chromium.NewContextAsync(width, height);

        // Outside Development the IDE and introspection are for analysts and administrators: the analyst's token goes with
        // every request of the page, as a proxy or browser extension in front of the IDE would send it.
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Authorization"] = "Bearer " + await api.AccessTokenAsync("analyst") });

        // Every request of the page and its service worker: telemetry is off, so none may go anywhere else.
        var requests = new List<string>();
        context.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) =>
        {
            lock (pageErrors)
            {
                pageErrors.Add(error);
            }
        };
        var shots = HeadlessChromium.ScreenshotDirectory();

        await page.GotoAsync(endpoint.ToString());
        Assert.False(
            await page.GetByText("is not included in this build").IsVisibleAsync(),
            "The server was built without the IDE (npm was missing at build time): install Node.js and rebuild.");
        var create = page.GetByRole(AriaRole.Button, new() { Name = "Create Document" });
        await Expect(create).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"ide-{name}-start.png") });

        await create.ClickAsync();
        var editor = page.Locator(OperationsEditor);
        await Expect(editor).ToBeVisibleAsync();

        // The IDE introspected our schema (the status bar says so once it has).
        await Expect(page.GetByText("Schema available", new() { Exact = true })).ToBeVisibleAsync();

        if (width < 800)
        {
            // The IDE does not rearrange its panes for narrow screens: the operation builder takes the width the
            // response pane needs, so fold it away as a person on a phone would.
            await page.GetByRole(AriaRole.Button, new() { Name = "Operation Builder", Exact = true }).ClickAsync();
        }

        var lines = editor.Locator(".view-lines");
        await lines.ClickAsync();
        await page.Keyboard.InsertTextAsync("{ __typename }");
        await Expect(lines).ToHaveTextAsync("{ __typename }");

        // The IDE parses the document after a short pause and only then has an operation to run: it shows Monaco's
        // "Run ▷" code lens above it. Running before that sends the previous (empty) document.
        await Expect(editor.Locator(".codelens-decoration", new() { HasText = "Run" })).ToBeVisibleAsync();

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Run Operation" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url == endpoint.ToString() && r.Request.PostData?.Contains("__typename") == true);
        Assert.Equal(200, response.Status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.TextAsync());

        // Monaco draws spaces as no-break spaces; Playwright's text matching normalizes them.
        await Expect(page.Locator(ResponseEditor).Locator(".view-lines")).ToContainTextAsync(new Regex("\"__typename\":\\s*\"Query\""));

        // The Run button keeps its tooltip while it has the focus or the mouse, and it would cover the editor.
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.Mouse.MoveAsync(0, height - 1);
        await Expect(page.GetByRole(AriaRole.Tooltip)).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"ide-{name}-response.png") });

        string[] elsewhere;
        lock (requests)
        {
            Assert.NotEmpty(requests);
            elsewhere = requests
                .Where(url => url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.StartsWith("ws", StringComparison.OrdinalIgnoreCase))
                .Where(url => new Uri(url).Authority != endpoint.Authority)
                .Distinct()
                .ToArray();
        }

        Assert.True(elsewhere.Length == 0, "The IDE sent requests to other hosts: " + string.Join(", ", elsewhere));
        lock (pageErrors)
        {
            Assert.True(pageErrors.Count == 0, "The IDE raised errors: " + string.Join(" | ", pageErrors));
        }
    }
}
