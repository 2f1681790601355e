using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>The doctors directory: active doctors by specialty with their week and today's appointments.</summary>
public sealed class DoctorListTests(HospitalWebApp app)
{
    private const string Doctors = "[data-testid=doctor]";

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task DoctorList_Opens_ListsDoctorsWithHoursAndToday(string viewport, int width, int height)
    {
        await using var ui = await UiSession.StartAsync(app, width, height);

        // Act
        await ui.GotoAsync("doctors");

        // Assert
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Doctors", Level = 1 })).ToBeVisibleAsync();
        await Expect(ui.Page.Locator(Doctors).First).ToBeVisibleAsync();
        Assert.True(await ui.Page.Locator(Doctors).CountAsync() > 2);
        await Expect(ui.Page.Locator($"{Doctors} .doctor-hours").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[A-Z][a-z]{2}(–[A-Z][a-z]{2})? \d\d:\d\d–\d\d:\d\d"));
        await Expect(ui.Page.GetByTestId("doctor-today").First).ToContainTextAsync("appointment");
        // The seeded Wednesday has a clinic: some doctor has appointments today.
        var today = await ui.Page.GetByTestId("doctor-today").AllInnerTextsAsync();
        Assert.Contains(today, t => !t.Contains("0 appointments", StringComparison.Ordinal));
        if (width < 500)
        {
            Assert.True(await ui.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        }

        await ui.ScreenshotAsync($"doctors-{viewport}");
        await ui.AssertAccessibleAsync($"doctors ({viewport})");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task DoctorList_SpecialtyFilter_NarrowsToThatSpecialty()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("doctors");
        await Expect(ui.Page.Locator(Doctors).First).ToBeVisibleAsync();
        var all = await ui.Page.Locator(Doctors).CountAsync();

        // Act
        await ui.Page.GetByLabel("Specialty", new() { Exact = true }).SelectOptionAsync("Cardiology");

        // Assert: fewer doctors, each a cardiologist.
        await ui.Page.Locator("[data-state=ready][data-specialty=Cardiology]").WaitForAsync();
        var specialties = await ui.Page.Locator(Doctors).EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.specialty)");
        Assert.InRange(specialties.Length, 1, all - 1);
        Assert.All(specialties, s => Assert.Equal("Cardiology", s));
        await Expect(ui.Page.GetByText(new System.Text.RegularExpressions.Regex("^[0-9]+ doctors? in Cardiology$"))).ToBeVisibleAsync();

        await ui.Page.GetByLabel("Specialty", new() { Exact = true }).SelectOptionAsync("");
        await ui.Page.Locator("[data-state=ready][data-specialty=\"\"]").WaitForAsync();
        await Expect(ui.Page.Locator(Doctors)).ToHaveCountAsync(all);
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task ADoctorsCard_OpensTheirWeek()
    {
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync("doctors");
        var card = ui.Page.Locator("[data-testid=doctor]").First;
        var name = (await card.Locator(".doctor-name").TextContentAsync())!.Trim();

        // Act
        await card.GetByRole(AriaRole.Link, new() { Name = $"This week's schedule of {name}" }).ClickAsync();

        // Assert: the schedule opens on that doctor's week.
        await ui.Page.WaitForURLAsync(new Regex("/appointments\\?doctor=.+&view=week"));
        await Expect(ui.Page.Locator(".page-subtitle")).ToContainTextAsync(name.Replace("Dr ", "", StringComparison.Ordinal));
        Assert.Empty(ui.Errors);
    }
}
