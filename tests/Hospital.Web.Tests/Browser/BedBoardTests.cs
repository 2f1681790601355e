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
        await mine.First.GetByRole(AriaRole.Button, new() { Name = $"Change the status of bed {label}", Exact = true }).ClickAsync();
        await dialog.GetByTestId("set-available").ClickAsync();
        await Expect(theirs.First).ToHaveAttributeAsync("data-status", "available");
        Assert.Empty(nurse.Errors);
        Assert.Empty(colleague.Errors);
    }

    [Fact]
    public async Task ANurseAdmitsMovesAndDischargesAPatient_AndAnotherOpenBoardFollowsLive()
    {
        // Arrange: a patient who has never been admitted, a nurse at the board and a colleague's board open elsewhere.
        var lastName = "Ward" + Guid.NewGuid().ToString("N")[..6];
        var registered = await app.GraphQLAsync(
            "mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { id } } }",
            new { i = new { firstName = "Ines", lastName, dateOfBirth = "1950-06-01", sex = "FEMALE" } },
            asUser: "reception");
        Assert.NotNull(registered["data"]!["registerPatient"]!["patient"]);
        var name = $"Ines {lastName}";
        await using var nurse = await UiSession.StartAsync(app, userName: "nurse");
        await using var colleague = await UiSession.StartAsync(app);
        await app.ExpectSubscriptionAsync("BedChanged", () => colleague.GotoAsync("wards"));
        await nurse.GotoAsync("wards");
        await nurse.WaitUntilInteractiveAsync();
        var dialog = nurse.Page.GetByRole(AriaRole.Dialog);
        ILocator Tile(UiSession ui) => ui.Page.Locator(Beds).Filter(new() { HasTextString = name });

        // Act 1: admit to the first free bed.
        var free = nurse.Page.Locator($"{Beds}[data-status=available]").First;
        var first = (await free.Locator(".bed-label").TextContentAsync())!.Replace("Bed ", "", StringComparison.Ordinal).Trim();
        await free.GetByTestId("admit").ClickAsync();
        await dialog.GetByTestId("admission-submit").ClickAsync();
        await Expect(dialog.GetByTestId("admission-error")).ToHaveTextAsync("Choose the patient.");
        await dialog.GetByLabel("Patient").FillAsync(lastName);
        await dialog.GetByRole(AriaRole.Button, new() { NameString = name }).ClickAsync();
        await dialog.GetByLabel("Attending doctor").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await dialog.GetByLabel("Reason for the admission").FillAsync("Community-acquired pneumonia");
        await nurse.AssertAccessibleAsync("admit dialog");
        await nurse.ScreenshotAsync("bed-admit-dialog");
        await dialog.GetByTestId("admission-submit").ClickAsync();

        // Assert 1: occupied by the patient on both boards.
        await Expect(Tile(nurse)).ToHaveAttributeAsync("data-status", "occupied");
        await Expect(Tile(colleague)).ToHaveAttributeAsync("data-status", "occupied");

        // Act 2: move them to another free bed.
        await Tile(nurse).GetByTestId("transfer").ClickAsync();
        await dialog.GetByLabel("Move to bed").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var second = (await dialog.GetByLabel("Move to bed").Locator("option:checked").TextContentAsync())!.Split("bed ")[^1].Trim();
        await dialog.GetByLabel("Reason for the move").FillAsync("Needs telemetry");
        await dialog.GetByTestId("admission-submit").ClickAsync();

        // Assert 2: in the new bed; the bed left is to be cleaned, on the colleague's board too.
        ILocator Bed(UiSession ui, string label) => ui.Page.Locator(Beds).Filter(new() { Has = ui.Page.Locator(".bed-label", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^Bed {System.Text.RegularExpressions.Regex.Escape(label)}$") }) }).First;
        await Expect(Bed(colleague, first)).ToHaveAttributeAsync("data-status", "cleaning");
        await Expect(Tile(colleague)).ToContainTextAsync(second);

        // Act 3: discharge.
        await Tile(nurse).GetByTestId("discharge").ClickAsync();
        await dialog.GetByLabel("Discharge summary").FillAsync("Pneumonia treated; amoxicillin for five more days; GP review in a week.");
        await dialog.GetByTestId("admission-submit").ClickAsync();

        // Assert 3: nobody in a bed under that name; both beds to be cleaned, on the colleague's board too.
        await Expect(Tile(colleague)).ToHaveCountAsync(0);
        await Expect(Bed(colleague, second)).ToHaveAttributeAsync("data-status", "cleaning");
        Assert.Empty(nurse.Errors);
        Assert.Empty(colleague.Errors);

        // And back, so other tests see the board as seeded.
        foreach (var label in new[] { first, second })
        {
            await Bed(nurse, label).GetByRole(AriaRole.Button, new() { Name = $"Change the status of bed {label}", Exact = true }).ClickAsync();
            await dialog.GetByTestId("set-available").ClickAsync();
            await Expect(Bed(colleague, label)).ToHaveAttributeAsync("data-status", "available");
        }
    }
}
