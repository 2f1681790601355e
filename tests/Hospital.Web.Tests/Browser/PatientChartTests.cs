using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>The global search in the app bar and the patient chart it opens.</summary>
public sealed class PatientChartTests(HospitalWebApp app)
{
    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task GlobalSearch_ByMrn_OpensTheChart(string viewport, int width, int height)
    {
        await using var ui = await UiSession.StartAsync(app, width, height);
        await ui.GotoAsync("");
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 })).ToBeVisibleAsync();

        // Act
        var search = ui.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Find a patient by MRN or name" });
        await search.FillAsync("mrn-0000007");
        await search.PressAsync("Enter");

        // Assert
        await ui.Page.WaitForURLAsync(new Regex("/patients/[^/]+$"));
        await Expect(ui.Page.GetByTestId("chart-mrn")).ToHaveTextAsync("MRN-0000007");
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Allergies" })).ToBeVisibleAsync();
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Conditions" })).ToBeVisibleAsync();
        await ui.ScreenshotAsync($"chart-{viewport}");
        await ui.AssertAccessibleAsync($"chart ({viewport})");

        await ui.Page.GetByRole(AriaRole.Tab, new() { Name = "Lab results" }).ClickAsync();
        var firstLab = ui.Page.Locator(".lab-order").First;
        await Expect(firstLab).ToBeVisibleAsync();
        await firstLab.ScrollIntoViewIfNeededAsync();
        await ui.ScreenshotAsync($"chart-labs-{viewport}");
        await ui.AssertAccessibleAsync($"chart lab results ({viewport})");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task GlobalSearch_ByName_WithManyMatches_OpensTheFilteredList()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("");
        var search = ui.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Find a patient by MRN or name" });

        // Act: "a" is in most names.
        await search.FillAsync("a");
        await search.PressAsync("Enter");

        // Assert
        await ui.Page.WaitForURLAsync(new Regex("/patients\\?q=a$"));
        await Expect(ui.Page.GetByLabel("Search by name or MRN")).ToHaveValueAsync("a");
        await Expect(ui.Page.GetByText(new Regex("patients matching “a”"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PatientChart_UnknownId_SaysNotFound()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("patients/UGF0aWVudDo5OTk5OQ==");
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Patient not found" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PatientChart_MalformedId_ShowsTheGraphQLErrorInlineAndAsANotification_WithoutAStackTrace()
    {
        await using var ui = await UiSession.StartAsync(app);

        await ui.GotoAsync("patients/not-a-global-id");

        var alert = ui.Page.Locator(".inline-error");
        await Expect(alert).ToContainTextAsync("The chart could not be loaded.");
        await Expect(ui.Page.Locator(".rz-notification")).ToContainTextAsync("The chart could not be loaded");
        var text = await alert.InnerTextAsync();
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        await ui.ScreenshotAsync("chart-error-desktop");
    }
}
