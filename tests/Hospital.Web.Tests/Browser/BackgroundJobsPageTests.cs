using System.Text.RegularExpressions;
using Hospital.GraphQL.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>The background jobs page: the jobs with their runs and "Run now", the notification outbox, who sees it.</summary>
public sealed class BackgroundJobsPageTests(HospitalWebApp app)
{
    private const string Jobs = "[data-testid=job-row]";
    private const string Notifications = "[data-testid=notification-row]";

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task BackgroundJobs_Admin_RunsTheRemindersNow_SeesTheRun_AndThePendingReminders(string viewport, int width, int height)
    {
        // Arrange: reminders waiting for the next two weeks' bookings (no SMTP server here, so they stay pending).
        var reminders = app.Services.GetRequiredService<AppointmentReminders>();
        for (var day = HospitalWebApp.Today.AddDays(1); day <= HospitalWebApp.Today.AddDays(14); day = day.AddDays(1))
        {
            await reminders.EnqueueAsync(day, TestContext.Current.CancellationToken);
        }

        await using var ui = await UiSession.StartAsync(app, width, height, "admin");
        await ui.GotoAsync("jobs");
        var row = ui.Page.Locator($"{Jobs}[data-job=appointment-reminders]");
        await Expect(row).ToBeVisibleAsync();
        var runs = int.Parse(Regex.Match(await row.GetByTestId("job-runs").InnerTextAsync(), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Run now: appointment reminders" }).ClickAsync();

        // Assert: the run is followed until it is in the history.
        await Expect(row.GetByTestId("job-runs")).ToHaveTextAsync(new Regex($"^{runs + 1}\\b"), new() { Timeout = 30_000 });
        await Expect(row.GetByTestId("job-last-run")).ToContainTextAsync("Succeeded");
        await Expect(row.GetByTestId("job-last-run")).ToContainTextAsync("run now");
        await Expect(ui.Page.Locator(Jobs)).ToHaveCountAsync(2);
        await Expect(row).ToContainTextAsync("Daily at 08:00 (UTC)");

        await ui.Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Pending");
        await Expect(ui.Page.Locator(Notifications).First).ToBeVisibleAsync();
        var statuses = await ui.Page.Locator($"{Notifications} td:nth-child(4)").AllInnerTextsAsync();
        Assert.All(statuses, s => Assert.Equal("Pending", s.Trim()));
        await Expect(ui.Page.Locator(Notifications).First).ToContainTextAsync("Reminder: your appointment on");
        if (width < 500)
        {
            Assert.True(await ui.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        }

        await ui.ScreenshotAsync($"jobs-{viewport}");
        await ui.AssertAccessibleAsync($"background jobs ({viewport})");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Nav_ShowsBackgroundJobsToAdminsOnly_AndThePageRefusesOthers()
    {
        await using var admin = await UiSession.StartAsync(app, userName: "admin");
        await using var doctor = await UiSession.StartAsync(app, userName: "doctor");

        await admin.GotoAsync("");
        await doctor.GotoAsync("");

        await Expect(admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Background jobs")).ToBeVisibleAsync();
        await Expect(doctor.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Background jobs")).ToHaveCountAsync(0);
        await doctor.GotoAsync("jobs");
        await Expect(doctor.Page.Locator(Jobs)).ToHaveCountAsync(0);
    }
}
