using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>The patients grid in Chromium: server-side paging, sorting and search through the generated client.</summary>
public sealed class PatientListTests(HospitalWebApp app)
{
    private const string Rows = ".patients-grid tbody tr.rz-data-row";

    private static string Ready(string search = "") => $"[data-state=ready][data-search=\"{search}\"]";

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task PatientList_Opens_ShowsTheFirstPageOfTwentyPatients(string viewport, int width, int height)
    {
        await using var ui = await UiSession.StartAsync(app, width, height);

        // Act: from navigation to the first rendered row (a fresh circuit, the GraphQL call, the render).
        var stopwatch = Stopwatch.StartNew();
        await ui.GotoAsync("patients");
        await ui.Page.Locator(Rows).First.WaitForAsync();
        stopwatch.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"patients grid ({viewport}): first row rendered {stopwatch.ElapsedMilliseconds} ms after navigation started");

        // Assert
        await Expect(ui.Page.Locator(Rows)).ToHaveCountAsync(20);
        await Expect(ui.Page.GetByText($"{await TotalAsync()} patients", new() { Exact = true })).ToBeVisibleAsync();
        await ui.ScreenshotAsync($"patients-{viewport}");
        await ui.AssertAccessibleAsync($"patients ({viewport})");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task PatientList_TypingInSearch_NarrowsTheRows_AndShowsAnEmptyState()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("patients");
        var firstName = await ui.Page.Locator(Rows).First.Locator(".patient-name").InnerTextAsync();
        var lastName = firstName.Split(',')[0].Trim();
        var search = ui.Page.GetByLabel("Search by name or MRN");

        // Act
        await search.PressSequentiallyAsync(lastName, new() { Delay = 40 });

        // Assert: fewer rows, each one matching the text in its name or MRN.
        await ui.Page.Locator(Ready(lastName)).WaitForAsync();
        await Expect(ui.Page.GetByText(new Regex($"patients? matching “{Regex.Escape(lastName)}”"))).ToBeVisibleAsync();
        var names = await ui.Page.Locator(Rows).AllInnerTextsAsync();
        Assert.InRange(names.Count, 1, 19);
        Assert.All(names, row => Assert.Contains(lastName, row, StringComparison.OrdinalIgnoreCase));

        await search.FillAsync("zzqxv");
        await ui.Page.Locator(Ready("zzqxv")).WaitForAsync();
        await Expect(ui.Page.GetByText("No patients match “zzqxv”.")).ToBeVisibleAsync();
        await ui.ScreenshotAsync("patients-empty-desktop");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task PatientList_NextPage_ShowsTheNextTwentyPatients_AndBackReturns()
    {
        // Other tests register patients in the shared app: the pages follow the count the API gives now (60 seeded and more).
        var total = await TotalAsync();
        var pages = (total + 19) / 20;
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("patients");
        await ui.Page.Locator(Rows).First.WaitForAsync();
        var firstPage = await MrnsAsync(ui.Page);

        // Act
        await ui.Page.Locator(".rz-pager-next").ClickAsync();
        var secondPage = await PageAfterChangeAsync(ui.Page, $"Page 2 of {pages}", firstPage[0]);

        // Assert
        Assert.Equal(20, secondPage.Count);
        Assert.Empty(firstPage.Intersect(secondPage));

        await ui.Page.Locator(".rz-pager-next").ClickAsync();
        var thirdPage = await PageAfterChangeAsync(ui.Page, $"Page 3 of {pages}", secondPage[0]);
        Assert.Equal(Math.Min(20, total - 40), thirdPage.Count);
        Assert.Equal(Math.Min(60, total), firstPage.Concat(secondPage).Concat(thirdPage).Distinct().Count());

        await ui.Page.Locator(".rz-pager-prev").ClickAsync();
        Assert.Equal(secondPage, await PageAfterChangeAsync(ui.Page, $"Page 2 of {pages}", thirdPage[0]));

        // On a fresh page (no cursors known yet), a jump to the last page asks for the last rows (last: n).
        var lastRows = total - (20 * (pages - 1));
        var expectedLast = (await app.GraphQLAsync($"{{ patients(last: {lastRows}) {{ nodes {{ mrn }} }} }}"))["data"]!["patients"]!["nodes"]!.AsArray().Select(n => (string)n!["mrn"]!).ToList();
        await ui.GotoAsync("patients");
        await ui.Page.Locator(Rows).First.WaitForAsync();
        await ui.Page.Locator(".rz-pager-last").ClickAsync();
        Assert.Equal(expectedLast, await PageAfterChangeAsync(ui.Page, $"Page {pages} of {pages}", firstPage[0]));
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task PatientList_SortByMrn_OrdersTheRowsAscendingThenDescending()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("patients");
        var header = ui.Page.Locator(".patients-grid th").Filter(new() { HasText = "MRN" });

        // Act: one click sorts ascending, a second descending.
        await header.ClickAsync();
        await Expect(ui.Page.Locator(Rows).First).ToContainTextAsync("MRN-0000001");
        var ascending = await MrnsAsync(ui.Page);
        await header.ClickAsync();
        var highest = (await app.GraphQLAsync("{ patients(first: 1, order: [{ mrn: DESC }]) { nodes { mrn } } }"))["data"]!["patients"]!["nodes"]![0]!["mrn"]!.ToString();
        await Expect(ui.Page.Locator(Rows).First).ToContainTextAsync(highest);
        var descending = await MrnsAsync(ui.Page);

        // Assert
        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.Equal(descending.OrderDescending(StringComparer.Ordinal), descending);
        Assert.Empty(ui.Errors);
    }

    // The pager's summary changes on click, the rows when the page's data has arrived: wait for both.
    private static async Task<IReadOnlyList<string>> PageAfterChangeAsync(IPage page, string summary, string previousFirstMrn)
    {
        await Expect(page.Locator(".rz-pager-summary")).ToContainTextAsync(summary);
        await Expect(page.Locator($"{Rows} .mrn-link").First).Not.ToHaveTextAsync(previousFirstMrn);
        await page.Locator(Ready()).WaitForAsync();
        return await MrnsAsync(page);
    }

    private async Task<int> TotalAsync() =>
        (int)(await app.GraphQLAsync("{ patients { totalCount } }"))["data"]!["patients"]!["totalCount"]!;

    private static async Task<IReadOnlyList<string>> MrnsAsync(IPage page) =>
        [.. (await page.Locator($"{Rows} .mrn-link").AllInnerTextsAsync()).Select(t => t.Trim())];

    [Fact]
    public async Task SexAndAgeFilters_NarrowTheGrid_OnTheServer()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("patients");
        var rows = ui.Page.Locator(".patients-grid tbody tr.rz-data-row");
        await Expect(rows.First).ToBeVisibleAsync();
        var all = await CountAsync(ui);

        // Act
        await ui.Page.GetByLabel("Sex", new() { Exact = true }).SelectOptionAsync("Female");
        await Expect(ui.Page.Locator("[data-filters='Female|All'][data-state=ready]")).ToHaveCountAsync(1);
        var women = await CountAsync(ui);
        await ui.Page.GetByLabel("Age", new() { Exact = true }).SelectOptionAsync("Seniors");
        await Expect(ui.Page.Locator("[data-filters='Female|Seniors'][data-state=ready]")).ToHaveCountAsync(1);

        // Assert: fewer each time, every row matches, and the count says what is shown.
        Assert.True(women < all, $"{women} women of {all}");
        Assert.True(await CountAsync(ui) < women);
        foreach (var text in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("Female", text, StringComparison.Ordinal);
            var age = int.Parse(Regex.Match(text, "\\(([0-9]+) y\\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(age >= 65, text);
        }

        await Expect(ui.Page.GetByTestId("patients-subtitle")).ToContainTextAsync("female · 65 and over");
        await ui.ScreenshotAsync("patients-filtered");
        await ui.AssertAccessibleAsync("patients (filtered)");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(ui.Page.Locator("[data-filters='|All'][data-state=ready]")).ToHaveCountAsync(1);
        Assert.Equal(all, await CountAsync(ui));
        Assert.Empty(ui.Errors);
    }

    private static async Task<int> CountAsync(UiSession ui)
    {
        var subtitle = await ui.Page.GetByTestId("patients-subtitle").TextContentAsync() ?? "";
        return int.Parse(Regex.Match(subtitle, "^[0-9,]+").Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }
}
