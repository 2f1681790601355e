using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>
/// The front desk and the clinic move appointments along from the schedule's details dialog; every open schedule
/// follows. Works on a day two weeks ahead, where the seeded bookings are all still scheduled.
/// </summary>
public sealed class AppointmentActionsTests(HospitalWebApp app)
{
    private const string Day = "appointments?view=day&date=2026-12-02";

    [Fact]
    public async Task CheckIn_Start_Complete_FromTheDialog_AndAColleaguesScheduleFollows()
    {
        // The day's first scheduled booking, and its doctor signed in: only an appointment's own doctor sees the patient.
        var from = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
        var found = await app.GraphQLAsync(
            "query ($from: DateTime, $to: DateTime) { appointments(from: $from, to: $to, first: 1, where: { status: { eq: SCHEDULED } }) { nodes { doctor { id } } } }",
            new { from, to = from.AddDays(1) },
            asUser: "reception");
        var doctorId = (string)found["data"]!["appointments"]!["nodes"]![0]!["doctor"]!["id"]!;
        var theirDay = $"{Day}&doctor={Uri.EscapeDataString(doctorId)}";
        await using var desk = await UiSession.StartAsync(app, userName: "reception");
        await using var clinic = await UiSession.StartAsync(app, userName: await app.AccountForStaffMemberAsync(doctorId, "Doctor"));
        await app.ExpectSubscriptionAsync("AppointmentChanged", () => clinic.GotoAsync(theirDay));
        await Expect(clinic.Page.Locator("[data-testid=appointment]").First).ToBeVisibleAsync();
        await desk.GotoAsync(theirDay);
        var card = desk.Page.Locator("[data-testid=appointment][data-status=scheduled]").First;
        var name = await card.Locator(".appt-patient").TextContentAsync();
        var start = await card.GetAttributeAsync("data-start");

        // Act: the receptionist opens it from the keyboard and checks the patient in.
        await card.Locator(".appt-open").FocusAsync();
        await desk.Page.Keyboard.PressAsync("Enter");
        var dialog = desk.Page.GetByRole(AriaRole.Dialog);
        app.Gate.ForgetSeen();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();

        // Assert: the dialog shows the new state (starting the visit is the doctor's step, not offered at the desk);
        // the doctor's schedule follows.
        await Expect(dialog.Locator(".appt-details-status")).ToContainTextAsync("Checked in");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel…" })).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Start visit" })).ToHaveCountAsync(0);
        var theirs = clinic.Page.Locator($"[data-testid=appointment][data-start='{start}']").Filter(new() { HasTextString = name! });
        await Expect(theirs.First).ToHaveAttributeAsync("data-status", "checked-in");
        await desk.Page.WaitForTimeoutAsync(300); // the notification's slide-in, for the screenshot only
        await desk.ScreenshotAsync("appointment-checked-in");
        await desk.AssertAccessibleAsync("appointment details after check-in");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();

        // Act: the doctor opens it on their schedule, starts and completes the visit.
        await theirs.First.Locator(".appt-open").ClickAsync();
        var visit = clinic.Page.GetByRole(AriaRole.Dialog);
        await visit.GetByRole(AriaRole.Button, new() { Name = "Start visit" }).ClickAsync();
        await Expect(visit.Locator(".appt-details-status")).ToContainTextAsync("In progress");
        await visit.GetByRole(AriaRole.Button, new() { Name = "Complete visit" }).ClickAsync();
        await Expect(visit.Locator(".appt-details-status")).ToContainTextAsync("Completed");
        await Expect(visit.Locator(".appt-step-buttons")).ToHaveCountAsync(0);
        await Expect(theirs.First).ToHaveAttributeAsync("data-status", "completed");

        // Assert: the front desk's schedule follows.
        var mine = desk.Page.Locator($"[data-testid=appointment][data-start='{start}']").Filter(new() { HasTextString = name! });
        await Expect(mine.First).ToHaveAttributeAsync("data-status", "completed");

        // Neither schedule reloaded its day: both applied the mutation's result or the subscription's payload. (A
        // dashboard still open from an earlier test recounts its figures, a GROUP BY, on the same events: not counted.)
        Assert.Equal(0, app.Gate.CountSeen("COUNT(*)", "FROM \"appointments\"") - app.Gate.CountSeen("COUNT(*)", "FROM \"appointments\"", "GROUP BY"));
        Assert.Empty(desk.Errors);
        Assert.Empty(clinic.Errors);
    }

    [Fact]
    public async Task Cancelling_AsksForAReason_AndKeepsIt()
    {
        await using var ui = await UiSession.StartAsync(app, userName: "reception");
        await ui.GotoAsync("appointments?view=day&date=2026-12-03");
        var card = ui.Page.Locator("[data-testid=appointment][data-status=scheduled]").First;
        await card.Locator(".appt-open").ClickAsync();
        var dialog = ui.Page.GetByRole(AriaRole.Dialog);

        // Act: no reason first, then a reason.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel…" }).ClickAsync();
        await dialog.GetByTestId("confirm-step").ClickAsync();
        await Expect(dialog.GetByTestId("step-error")).ToHaveTextAsync("Enter why the appointment is cancelled.");
        await Expect(dialog.GetByLabel("Why is it cancelled?")).ToHaveAttributeAsync("aria-invalid", "true");
        await dialog.GetByLabel("Why is it cancelled?").FillAsync("Patient called: travelling");
        await dialog.GetByTestId("confirm-step").ClickAsync();

        // Assert
        await Expect(dialog.Locator(".appt-details-status")).ToContainTextAsync("Cancelled");
        await Expect(dialog).ToContainTextAsync(new Regex("Cancelled because\\s*Patient called: travelling"));
        await ui.AssertAccessibleAsync("appointment details after cancelling");
        Assert.Empty(ui.Errors);
    }
}
