using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>The front desk books from the booking panel: patient, doctor, day, a free time; the schedule shows it.</summary>
public sealed class BookingTests(HospitalWebApp app)
{
    [Theory]
    [InlineData("desktop", 1280, 800, "2026-12-14", 0)]
    [InlineData("phone", 390, 844, "2026-12-15", 1)]
    public async Task Reception_BooksAFreeTime_AndSeesItOnTheSchedule(string viewport, int width, int height, string date, int patientIndex)
    {
        // Arrange: a doctor with free times that day, and a patient.
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var doctors = await app.GraphQLAsync("{ doctors(first: 50, where: { isActive: { eq: true } }) { nodes { id } } }", asUser: "reception");
        string? doctorId = null;
        foreach (var node in doctors["data"]!["doctors"]!["nodes"]!.AsArray())
        {
            var slots = await app.GraphQLAsync("query ($d: ID, $from: DateTime!, $to: DateTime!) { availableSlots(doctorId: $d, from: $from, to: $to) { startsAt } }", new { d = (string)node!["id"]!, from, to = from.AddDays(1) }, asUser: "reception");
            if (slots["data"]!["availableSlots"]!.AsArray().Count > 2)
            {
                doctorId = (string)node["id"]!;
                break;
            }
        }

        Assert.NotNull(doctorId);
        var patients = await app.GraphQLAsync("{ patients(first: 5, order: [{ lastName: ASC }]) { nodes { lastName fullName } } }", asUser: "reception");
        var patient = patients["data"]!["patients"]!["nodes"]![patientIndex]!;
        await using var ui = await UiSession.StartAsync(app, width, height, userName: "reception");

        // Act: from the schedule's "Book appointment" (it carries the doctor and the day), find the patient, take a time.
        await ui.GotoAsync($"appointments?view=day&date={date}&doctor={Uri.EscapeDataString(doctorId)}");
        await ui.Page.GetByRole(AriaRole.Link, new() { Name = "Book appointment" }).ClickAsync();
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Book an appointment" })).ToBeVisibleAsync();
        await ui.WaitUntilInteractiveAsync();
        var slot = ui.Page.GetByTestId("slot").First;
        await Expect(slot).ToBeVisibleAsync();
        await ui.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Patient", Exact = true }).FillAsync((string)patient["lastName"]!);
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = (string)patient["fullName"]! }).First.ClickAsync();
        await Expect(ui.Page.GetByTestId("booking-patient")).ToContainTextAsync((string)patient["fullName"]!);
        var start = await slot.GetAttributeAsync("data-start");
        await ui.AssertAccessibleAsync($"booking panel ({viewport})");
        await ui.ScreenshotAsync($"booking-{viewport}");
        await slot.ClickAsync();

        // Assert: booked, and the schedule of that doctor and day shows it.
        await Expect(ui.Page.GetByTestId("booking-done")).ToContainTextAsync((string)patient["fullName"]!);
        await ui.Page.GetByRole(AriaRole.Link, new() { Name = "See it on the schedule" }).ClickAsync();
        var card = ui.Page.Locator($"[data-testid=appointment][data-start='{start}']").Filter(new() { HasTextString = (string)patient["fullName"]! });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToHaveAttributeAsync("data-status", "scheduled");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Reception_ReschedulesFromTheDetails_ToAnotherFreeTime()
    {
        await using var ui = await UiSession.StartAsync(app, userName: "reception");
        await ui.GotoAsync("appointments?view=day&date=2026-12-01");
        var card = ui.Page.Locator("[data-testid=appointment][data-status=scheduled]").Last;
        var name = await card.Locator(".appt-patient").TextContentAsync();
        await card.Locator(".appt-open").ClickAsync();
        var dialog = ui.Page.GetByRole(AriaRole.Dialog);
        var before = await dialog.GetByTestId("details-when").TextContentAsync();

        // Act: Reschedule…, then the last free time of that day.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reschedule…" }).ClickAsync();
        var slot = dialog.GetByTestId("reschedule-slot").Last;
        await Expect(slot).ToBeVisibleAsync();
        var time = await slot.TextContentAsync();
        await ui.AssertAccessibleAsync("reschedule in the appointment details");
        await slot.ClickAsync();

        // Assert: the dialog shows the new time; the appointment is still scheduled.
        await Expect(dialog.GetByTestId("details-when")).ToContainTextAsync(time!.Trim());
        Assert.NotEqual(before, await dialog.GetByTestId("details-when").TextContentAsync());
        await Expect(dialog.Locator(".appt-details-status")).ToContainTextAsync("Scheduled");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(ui.Page.Locator($"[data-testid=appointment][data-start='{time.Trim()}']").Filter(new() { HasTextString = name! })).ToHaveCountAsync(1);
        Assert.Empty(ui.Errors);
    }
}
