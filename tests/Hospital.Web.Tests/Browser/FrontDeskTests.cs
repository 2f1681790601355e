using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>The receptionist's live front desk: arrivals with one-key check-in, the waiting room, and waitlist offers that appear as a cancellation frees a slot.</summary>
public sealed class FrontDeskTests(HospitalWebApp app)
{
    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task Reception_ChecksInAnArrival_WithOneKey_AndTheWaitingRoomHasThem(string viewport, int width, int height)
    {
        // Arrange: a booking later today (the app's clock stands at 10:30).
        var (doctor, slots) = await FreeSlotsAsync(HospitalWebApp.Today, viewport == "desktop" ? 0 : 1);
        var patient = await PatientAsync(viewport == "desktop" ? 10 : 11);
        var appointment = await BookAsync(patient, doctor, slots[0]);
        await using var ui = await UiSession.StartAsync(app, width, height, userName: "reception");

        // Act: the front desk, that arrival's row, the C key.
        await ui.GotoAsync("frontdesk");
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Front desk", Exact = true })).ToBeVisibleAsync();
        await ui.WaitUntilInteractiveAsync();
        var row = ui.Page.Locator($"[data-testid=arrival][data-appointment='{appointment}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "scheduled");
        await ui.AssertAccessibleAsync($"front desk ({viewport})");
        await ui.ScreenshotAsync($"frontdesk-{viewport}");
        await row.FocusAsync();
        await ui.Page.Keyboard.PressAsync("c");

        // Assert: checked in, in the waiting room, and so says the API.
        await Expect(row).ToHaveAttributeAsync("data-status", "checked-in");
        await Expect(ui.Page.Locator($"[data-testid=waiting][data-appointment='{appointment}']")).ToBeVisibleAsync();
        var status = await app.GraphQLAsync("query ($id: ID!) { appointment(id: $id) { status } }", new { id = appointment }, asUser: "reception");
        Assert.Equal("CHECKED_IN", (string?)status["data"]!["appointment"]!["status"]);
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Reception_PutsAPatientOnTheWaitlist_SeesTheOfferLive_AndAcceptsIt()
    {
        // Arrange: a doctor's booking tomorrow, and another patient who would come earlier.
        var tomorrow = HospitalWebApp.Today.AddDays(1);
        var (doctor, slots) = await FreeSlotsAsync(tomorrow, 2);
        var booked = await BookAsync(await PatientAsync(12), doctor, slots[0]);
        var waiting = await app.GraphQLAsync("query { patients(first: 8, order: [{ lastName: ASC }]) { nodes { id fullName lastName } } }", asUser: "reception");
        var patient = waiting["data"]!["patients"]!["nodes"]![7]!;
        var name = (string)patient["fullName"]!;
        await using var ui = await UiSession.StartAsync(app, userName: "reception");

        // Act 1: the booking panel for that doctor and day, the patient, "Add to waitlist".
        await ui.GotoAsync($"appointments/book?doctor={Uri.EscapeDataString(doctor)}&date={tomorrow:yyyy-MM-dd}");
        await ui.WaitUntilInteractiveAsync();
        await ui.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Patient", Exact = true }).FillAsync((string)patient["lastName"]!);
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = name }).First.ClickAsync();
        await ui.Page.GetByTestId("join-waitlist").ClickAsync();
        await Expect(ui.Page.GetByTestId("waitlist-done")).ToContainTextAsync(name);

        // Act 2: the front desk lists them; a cancellation elsewhere frees the slot.
        await ui.GotoAsync("frontdesk");
        await ui.WaitUntilInteractiveAsync();
        var entry = ui.Page.GetByTestId("waitlist-entry").Filter(new() { HasTextString = name });
        await Expect(entry).ToHaveCountAsync(1);
        var entryId = await entry.GetAttributeAsync("data-entry");
        var cancelled = await app.GraphQLAsync("mutation ($id: ID!) { cancelAppointment(input: { appointmentId: $id, reason: \"Patient called\" }) { errors { __typename } } }", new { id = booked }, asUser: "reception");
        Assert.Null(cancelled["data"]!["cancelAppointment"]!["errors"]);

        // Assert: the offer appears without a reload, and accepting it books the slot for the patient.
        var offer = ui.Page.Locator($"[data-testid=offer][data-entry='{entryId}']");
        await Expect(offer).ToBeVisibleAsync();
        await ui.AssertAccessibleAsync("front desk with an offer");
        await ui.ScreenshotAsync("frontdesk-offer");
        await offer.GetByRole(AriaRole.Button, new() { NameString = "Accept" }).ClickAsync();
        await Expect(offer).ToHaveCountAsync(0);
        var after = await app.GraphQLAsync("query ($id: ID!) { node(id: $id) { ... on WaitlistEntry { status bookedAppointment { startsAt patient { fullName } } } } }", new { id = entryId }, asUser: "reception");
        var node = after["data"]!["node"]!;
        Assert.Equal("BOOKED", (string?)node["status"]);
        Assert.Equal(name, (string?)node["bookedAppointment"]!["patient"]!["fullName"]);
        Assert.Equal(DateTimeOffset.Parse((string)slots[0]["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse((string)node["bookedAppointment"]!["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Reception_BooksAWalkIn_WhoIsInTheWaitingRoomAtOnce()
    {
        // Arrange: a doctor free now (the app's clock stands at 10:30), and a patient.
        var now = new DateTimeOffset(HospitalWebApp.Today.ToDateTime(new TimeOnly(10, 30)), TimeSpan.Zero);
        var doctors = await app.GraphQLAsync("{ doctors(first: 50, where: { isActive: { eq: true } }, order: [{ firstName: ASC }]) { nodes { id } } }", asUser: "reception");
        string? doctor = null;
        foreach (var node in doctors["data"]!["doctors"]!["nodes"]!.AsArray())
        {
            var found = await app.GraphQLAsync("query ($d: ID, $from: DateTime!, $to: DateTime!) { availableSlots(doctorId: $d, from: $from, to: $to) { startsAt } }", new { d = (string)node!["id"]!, from = now, to = now.AddHours(1) }, asUser: "reception");
            if (found["data"]!["availableSlots"]!.AsArray().FirstOrDefault() is { } first && DateTimeOffset.Parse((string)first["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture) == now)
            {
                doctor = (string)node["id"]!;
                break;
            }
        }

        Assert.NotNull(doctor);
        var patients = await app.GraphQLAsync("{ patients(first: 10, order: [{ lastName: ASC }]) { nodes { fullName lastName } } }", asUser: "reception");
        var patient = patients["data"]!["patients"]!["nodes"]![9]!;
        var name = (string)patient["fullName"]!;
        await using var ui = await UiSession.StartAsync(app, userName: "reception");

        // Act: the booking panel for that doctor today, the patient, "Walk-in now".
        await ui.GotoAsync($"appointments/book?doctor={Uri.EscapeDataString(doctor)}&date={HospitalWebApp.Today:yyyy-MM-dd}");
        await ui.WaitUntilInteractiveAsync();
        await ui.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Patient", Exact = true }).FillAsync((string)patient["lastName"]!);
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = name }).First.ClickAsync();
        await ui.Page.GetByTestId("walk-in").ClickAsync();

        // Assert: checked in now, and in the front desk's waiting room.
        await Expect(ui.Page.GetByTestId("booking-done")).ToContainTextAsync($"Walk-in checked in: {name}");
        await ui.GotoAsync("frontdesk");
        await Expect(ui.Page.GetByTestId("waiting").Filter(new() { HasTextString = name })).ToHaveCountAsync(1);
        Assert.Empty(ui.Errors);
    }

    /// <summary>The <paramref name="skip"/>-th doctor nobody waits for with at least two free times on <paramref name="day"/> after the app's 10:30, and those times.</summary>
    private async Task<(string Doctor, List<JsonNode> Slots)> FreeSlotsAsync(DateOnly day, int skip)
    {
        var from = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 30)), TimeSpan.Zero);
        var to = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
        var doctors = await app.GraphQLAsync("{ doctors(first: 50, where: { isActive: { eq: true } }, order: [{ lastName: DESC }]) { nodes { id } } }", asUser: "reception");
        foreach (var node in doctors["data"]!["doctors"]!["nodes"]!.AsArray())
        {
            // A doctor nobody waits for, so a slot of theirs goes to the patient the test puts on the list.
            var found = await app.GraphQLAsync(
                "query ($d: ID, $from: DateTime!, $to: DateTime!) { availableSlots(doctorId: $d, from: $from, to: $to) { startsAt } waitlist(doctorId: $d) { totalCount } }",
                new { d = (string)node!["id"]!, from, to },
                asUser: "reception");
            var slots = found["data"]!["availableSlots"]!.AsArray();
            if (slots.Count > 1 && (int)found["data"]!["waitlist"]!["totalCount"]! == 0 && skip-- == 0)
            {
                return ((string)node["id"]!, [.. slots.Select(s => s!)]);
            }
        }

        throw new InvalidOperationException($"Not enough doctors with free times on {day}.");
    }

    private async Task<string> PatientAsync(int index)
    {
        var patients = await app.GraphQLAsync("{ patients(first: 20, order: [{ lastName: DESC }]) { nodes { id } } }", asUser: "reception");
        return (string)patients["data"]!["patients"]!["nodes"]![index]!["id"]!;
    }

    private async Task<string> BookAsync(string patient, string doctor, JsonNode slot)
    {
        var result = await app.GraphQLAsync(
            "mutation ($p: ID!, $d: ID!, $s: DateTime) { bookAppointment(input: { patientId: $p, doctorId: $d, startsAt: $s, reason: \"Check-up\" }) { appointment { id } errors { __typename ... on Error { message } } } }",
            new { p = patient, d = doctor, s = (string)slot["startsAt"]! },
            asUser: "reception");
        Assert.True(result["data"]?["bookAppointment"]?["appointment"] is not null, result.ToJsonString());
        return (string)result["data"]!["bookAppointment"]!["appointment"]!["id"]!;
    }
}
