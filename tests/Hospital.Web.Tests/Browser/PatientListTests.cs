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
        await Expect(ui.Page.GetByText("60 patients", new() { Exact = true })).ToBeVisibleAsync();
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
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("patients");
        await ui.Page.Locator(Rows).First.WaitForAsync();
        var firstPage = await MrnsAsync(ui.Page);

        // Act
        await ui.Page.Locator(".rz-pager-next").ClickAsync();
        var secondPage = await PageAfterChangeAsync(ui.Page, "Page 2 of 3", firstPage[0]);

        // Assert
        Assert.Equal(20, secondPage.Count);
        Assert.Empty(firstPage.Intersect(secondPage));

        await ui.Page.Locator(".rz-pager-next").ClickAsync();
        var thirdPage = await PageAfterChangeAsync(ui.Page, "Page 3 of 3", secondPage[0]);
        Assert.Equal(20, thirdPage.Count);
        Assert.Equal(60, firstPage.Concat(secondPage).Concat(thirdPage).Distinct().Count());

        await ui.Page.Locator(".rz-pager-prev").ClickAsync();
        Assert.Equal(secondPage, await PageAfterChangeAsync(ui.Page, "Page 2 of 3", thirdPage[0]));

        // On a fresh page (no cursors known yet), a jump to the last page asks for the last rows (last: n).
        await ui.GotoAsync("patients");
        await ui.Page.Locator(Rows).First.WaitForAsync();
        await ui.Page.Locator(".rz-pager-last").ClickAsync();
        Assert.Equal(thirdPage, await PageAfterChangeAsync(ui.Page, "Page 3 of 3", firstPage[0]));
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
        await Expect(ui.Page.Locator(Rows).First).ToContainTextAsync("MRN-0000060");
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

    private static async Task<IReadOnlyList<string>> MrnsAsync(IPage page) =>
        [.. (await page.Locator($"{Rows} .mrn-link").AllInnerTextsAsync()).Select(t => t.Trim())];
}
