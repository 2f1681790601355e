using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>The home page's figures for today, read through the API.</summary>
public sealed class HomeTests(HospitalWebApp app)
{
    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task Home_ShowsTodaysFigures(string viewport, int width, int height)
    {
        await using var ui = await UiSession.StartAsync(app, width, height);

        // Act
        await ui.GotoAsync("");

        // Assert: the seeded clinic of the fixed day has appointments; beds are "n of m".
        await Expect(ui.Page.GetByTestId("appointments-today")).ToHaveTextAsync(new Regex("^[1-9][0-9]*$"));
        await Expect(ui.Page.GetByTestId("beds-occupied")).ToHaveTextAsync(new Regex("^[0-9]+ of [1-9][0-9]*$"));
        await Expect(ui.Page.GetByTestId("pending-labs")).ToHaveTextAsync(new Regex("^[0-9]+$"));
        await Expect(ui.Page.GetByTestId("critical-results")).ToHaveTextAsync(new Regex("^[0-9]+$"));
        await Expect(ui.Page.GetByText("Wednesday 18 November 2026")).ToBeVisibleAsync();
        await ui.ScreenshotAsync($"home-{viewport}");
        await ui.AssertAccessibleAsync($"home ({viewport})");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Navigation_LinksOnlyToPagesThatExist()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("");
        var nav = ui.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByText("Patients")).ToBeVisibleAsync();

        await nav.GetByText("Patients").ClickAsync();

        await ui.Page.WaitForURLAsync(new Regex("/patients$"));
        await Expect(ui.Page.Locator(".patients-grid tbody tr.rz-data-row").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Phone_NavigationIsADrawer_ThatOpensFromTheAppBar()
    {
        await using var ui = await UiSession.StartAsync(app, 390, 844);
        await ui.GotoAsync("");
        await Expect(ui.Page.GetByTestId("appointments-today")).ToBeVisibleAsync();

        // The layout knows it is on a phone (the browser reported its width) before the drawer is used.
        await Expect(ui.Page.Locator("[data-viewport=phone]")).ToHaveCountAsync(1);
        var patients = ui.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Patients");
        await Expect(patients).Not.ToBeInViewportAsync();

        // Act
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();

        // Assert
        await Expect(patients).ToBeInViewportAsync();
        await ui.Page.WaitForTimeoutAsync(500); // the drawer's slide-in, for the screenshot only
        await ui.ScreenshotAsync("drawer-phone");
        await patients.ClickAsync();
        await ui.Page.WaitForURLAsync(new Regex("/patients$"));
        await Expect(patients).Not.ToBeInViewportAsync();
    }

    [Fact]
    public async Task Home_FollowsChangesLive_WithoutAReload()
    {
        await using var ui = await UiSession.StartAsync(app);
        await app.ExpectSubscriptionAsync("AppointmentChanged", () => ui.GotoAsync(""));
        await Expect(ui.Page.GetByTestId("live-indicator")).ToContainTextAsync("Live");

        // Act: someone else (an outside API client) moves one of today's appointments a step along.
        var dayStart = new DateTimeOffset(HospitalWebApp.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var found = await app.GraphQLAsync("query ($from: DateTime, $to: DateTime) { appointments(from: $from, to: $to, first: 100, where: { status: { in: [SCHEDULED, CHECKED_IN, IN_PROGRESS] } }) { nodes { id status doctor { id } } } }", new { from = dayStart, to = dayStart.AddDays(1) });
        Assert.Null(found["errors"]);
        var appointment = found["data"]!["appointments"]!["nodes"]![0]!;
        var (mutation, target) = (string?)appointment["status"] switch
        {
            "SCHEDULED" => ("checkInAppointment", "status-checked-in"),
            "CHECKED_IN" => ("startAppointment", "status-in-progress"),
            _ => ("completeAppointment", "status-completed"),
        };
        var count = ui.Page.GetByTestId(target);
        var before = int.Parse(await count.TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        // The front desk checks in; only the appointment's own doctor starts or completes it.
        var actor = mutation == "checkInAppointment" ? "reception" : await app.AccountForStaffMemberAsync((string)appointment["doctor"]!["id"]!, "Doctor");
        var step = await app.GraphQLAsync($"mutation ($id: ID!) {{ {mutation}(input: {{ appointmentId: $id }}) {{ errors {{ ... on Error {{ message }} }} }} }}", new { id = (string?)appointment["id"] }, asUser: actor);
        Assert.Null(step["errors"]);
        Assert.Null(step["data"]![mutation]!["errors"]);

        // Assert: the figure moves on the open page; the indicator tells when.
        await Expect(count).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(ui.Page.GetByTestId("live-indicator")).ToContainTextAsync("updated");
        await ui.ScreenshotAsync("home-live");
        Assert.Empty(ui.Errors);
    }
}
