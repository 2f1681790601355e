using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>The bed board: every ward's beds from one GraphQL call, narrowed by ward and status in the page.</summary>
public sealed class BedBoardTests(HospitalWebApp app)
{
    private const string Beds = "[data-testid=bed]";

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task BedBoard_Opens_ShowsEachWardWithItsBeds(string viewport, int width, int height)
    {
        await using var ui = await UiSession.StartAsync(app, width, height);

        // Act
        await ui.GotoAsync("wards");

        // Assert: wards with "n of m occupied", tiles with a status in words.
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Bed board", Level = 1 })).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("[data-testid=ward]").First).ToBeVisibleAsync();
        Assert.True(await ui.Page.Locator("[data-testid=ward]").CountAsync() > 1);
        await Expect(ui.Page.GetByTestId("ward-occupancy").First).ToHaveTextAsync(new Regex("^[0-9]+ of [1-9][0-9]* occupied$"));
        Assert.True(await ui.Page.Locator(Beds).CountAsync() > 4);
        await Expect(ui.Page.Locator(Beds).First).ToContainTextAsync(new Regex("Available|Occupied|Cleaning|Out of service"));
        if (width < 500)
        {
            // Phones: tiles wrap inside the page, nothing scrolls sideways.
            Assert.True(await ui.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        }

        await ui.ScreenshotAsync($"wards-{viewport}");
        await ui.AssertAccessibleAsync($"bed board ({viewport})");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task BedBoard_StatusFilter_NarrowsTheTiles_ToThatStatus()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("wards");
        await Expect(ui.Page.Locator(Beds).First).ToBeVisibleAsync();
        var all = await ui.Page.Locator(Beds).CountAsync();
        var available = await ui.Page.Locator($"{Beds}[data-status=available]").CountAsync();
        Assert.InRange(available, 1, all - 1);

        // Act
        await ui.Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("available");

        // Assert
        await Expect(ui.Page.Locator(Beds)).ToHaveCountAsync(available);
        Assert.All(await ui.Page.Locator(Beds).AllInnerTextsAsync(), text => Assert.Contains("Available", text));
        await Expect(ui.Page.GetByTestId("board-summary")).ToHaveTextAsync($"Showing {available} of {all} beds");

        // A ward as well: only that ward's section is left.
        var ward = await ui.Page.Locator("[data-testid=ward] h2").First.InnerTextAsync();
        await ui.Page.GetByLabel("Ward", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = ward });
        await Expect(ui.Page.Locator("[data-testid=ward]")).ToHaveCountAsync(1);
        await Expect(ui.Page.Locator("[data-testid=ward] h2")).ToHaveTextAsync(ward);

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).First.ClickAsync();
        await Expect(ui.Page.Locator(Beds)).ToHaveCountAsync(all);
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task BedBoard_OccupiedBed_LinksToItsPatientsChart()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("wards");
        await ui.Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("occupied");
        var tile = ui.Page.Locator($"{Beds}[data-status=occupied]").First;
        await Expect(tile).ToContainTextAsync("Admitted");
        var link = tile.Locator("a.bed-patient");
        var mrn = (await tile.Locator(".bed-detail").First.InnerTextAsync()).Trim();

        // Act
        await link.ClickAsync();

        // Assert
        await ui.Page.WaitForURLAsync(new Regex("/patients/[^/]+$"));
        await Expect(ui.Page.GetByTestId("chart-mrn")).ToHaveTextAsync(mrn);
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task ANurseSetsABedsStatus_AndEveryOpenBoardShowsItLive()
    {
        await using var nurse = await UiSession.StartAsync(app, userName: "nurse");
        await using var colleague = await UiSession.StartAsync(app);
        await app.ExpectSubscriptionAsync("BedChanged", () => colleague.GotoAsync("wards"));
        await Expect(colleague.Page.GetByTestId("live-indicator")).ToContainTextAsync("Live");
        await nurse.GotoAsync("wards");
        var tile = nurse.Page.Locator($"{Beds}[data-status=available]").First;
        var label = (await tile.Locator(".bed-label").TextContentAsync())!.Replace("Bed ", "", StringComparison.Ordinal).Trim();

        // Act: from the keyboard, as a nurse at the station would.
        await nurse.Page.GetByRole(AriaRole.Button, new() { Name = $"Change the status of bed {label}", Exact = true }).FocusAsync();
        await nurse.Page.Keyboard.PressAsync("Enter");
        var dialog = nurse.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Now: Available");
        await nurse.Page.WaitForTimeoutAsync(400); // the dialog's fade-in, for the screenshot only
        await nurse.ScreenshotAsync("bed-status-dialog");
        await nurse.AssertAccessibleAsync("bed status dialog");
        await dialog.GetByTestId("set-cleaning").ClickAsync();

        // Assert: the nurse's board and the colleague's (never reloaded) both show the bed as cleaning.
        await Expect(dialog).Not.ToBeVisibleAsync();
        var mine = nurse.Page.Locator(Beds).Filter(new() { Has = nurse.Page.Locator(".bed-label", new() { HasTextString = label }) });
        var theirs = colleague.Page.Locator(Beds).Filter(new() { Has = colleague.Page.Locator(".bed-label", new() { HasTextString = label }) });
        await Expect(mine.First).ToHaveAttributeAsync("data-status", "cleaning");
        await Expect(theirs.First).ToHaveAttributeAsync("data-status", "cleaning");
        await colleague.ScreenshotAsync("wards-live");

        // And back, so other tests see the board as seeded.
        await mine.First.GetByRole(AriaRole.Button).ClickAsync();
        await dialog.GetByTestId("set-available").ClickAsync();
        await Expect(theirs.First).ToHaveAttributeAsync("data-status", "available");
        Assert.Empty(nurse.Errors);
        Assert.Empty(colleague.Errors);
    }
}
