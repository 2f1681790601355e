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
}
