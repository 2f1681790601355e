using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>Light and dark themes: the system's preference by default, a remembered choice from the app bar, readable either way.</summary>
public sealed class ThemeTests(HospitalWebApp app)
{
    [Fact]
    public async Task TheToggle_SwitchesToDark_AndTheChoiceSurvivesAReload()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await ui.GotoAsync("");
        await Expect(ui.Page.GetByTestId("appointments-today")).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "light");
        var toggle = ui.Page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" });
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");

        // Act
        await toggle.ClickAsync();

        // Assert: dark now, and after a reload.
        await Expect(ui.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await ui.Page.ReloadAsync();
        await Expect(ui.Page.GetByTestId("appointments-today")).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(ui.Page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToHaveAttributeAsync("aria-pressed", "true");
        var background = await ui.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.app-main')).backgroundColor + '|' + getComputedStyle(document.body).backgroundColor");
        Assert.DoesNotContain("rgb(255, 255, 255)", background);
        await ui.ScreenshotAsync("home-dark");
        Assert.Empty(ui.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("wards")]
    [InlineData("doctors")]
    public async Task DarkTheme_FollowsTheSystem_AndKeepsContrast(string path)
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await app.EnsureCriticalResultAsync();

        // Act
        await ui.GotoAsync(path);

        // Assert: dark without asking, and axe (colour contrast included) finds nothing serious.
        await Expect(ui.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(ui.Page.Locator("main h1")).ToBeVisibleAsync();
        await ui.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(ui.Page.Locator("[aria-busy=true]")).ToHaveCountAsync(0);
        await ui.ScreenshotAsync($"dark-{(path.Length == 0 ? "home" : path)}");
        await ui.AssertAccessibleAsync($"{(path.Length == 0 ? "home" : path)} (dark)");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task AChart_InTheDarkTheme_KeepsContrast()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await ui.GotoAsync("patients");
        var first = ui.Page.Locator(".patients-grid tbody tr.rz-data-row a").First;
        await Expect(first).ToBeVisibleAsync();

        // Act
        await first.ClickAsync();

        // Assert
        await ui.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/patients/[^/]+$"));
        await Expect(ui.Page.Locator("main h1")).Not.ToHaveTextAsync("Patients");
        await Expect(ui.Page.Locator("[aria-busy=true]")).ToHaveCountAsync(0);
        await ui.ScreenshotAsync("dark-chart");
        await ui.AssertAccessibleAsync("patient chart (dark)");
        Assert.Empty(ui.Errors);
    }
}
