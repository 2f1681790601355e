using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>The front desk's whole path for a new patient: register, book, check in, (the doctor sees them), invoice, take payment.</summary>
public sealed class FrontDeskJourneyTests(HospitalWebApp app)
{
    [Fact]
    public async Task Reception_RegistersBooksChecksInInvoicesAndTakesPayment_ForANewPatient()
    {
        // The demo doctor's first free time today after the app's 10:30 (the doctor completes the visit in between).
        var me = await app.GraphQLAsync("{ me { staffMember { id fullName } } }", asUser: "doctor");
        var doctorId = (string)me["data"]!["me"]!["staffMember"]!["id"]!;
        var doctorName = (string)me["data"]!["me"]!["staffMember"]!["fullName"]!;
        var now = new DateTimeOffset(HospitalWebApp.Today.ToDateTime(new TimeOnly(10, 30)), TimeSpan.Zero);
        var slots = await app.GraphQLAsync("query ($d: ID, $from: DateTime!, $to: DateTime!) { availableSlots(doctorId: $d, from: $from, to: $to) { startsAt } }", new { d = doctorId, from = now, to = now.AddHours(13.5) }, asUser: "reception");
        Assert.NotEmpty(slots["data"]!["availableSlots"]!.AsArray());
        var lastName = "Journey" + Guid.NewGuid().ToString("N")[..6];
        await using var ui = await UiSession.StartAsync(app, userName: "reception");

        // Register.
        await ui.GotoAsync("patients/new");
        await ui.WaitUntilInteractiveAsync();
        await ui.Page.GetByLabel("First name").FillAsync("Orla");
        await ui.Page.GetByLabel("Last name").FillAsync(lastName);
        await ui.Page.GetByLabel("Date of birth").FillAsync("1984-02-11");
        await ui.Page.Locator("#pf-sex").SelectOptionAsync("Female");
        await ui.Page.GetByLabel("First name").PressAsync("Enter");
        await ui.Page.WaitForURLAsync(new Regex("/patients/(?!new)[^/]+$"));
        var patientId = Uri.UnescapeDataString(new Uri(ui.Page.Url).Segments[^1]);

        // Book: the booking panel for this patient, the doctor and today, the first free time.
        await ui.GotoAsync($"appointments/book?patient={Uri.EscapeDataString(patientId)}&doctor={Uri.EscapeDataString(doctorId)}&date={HospitalWebApp.Today:yyyy-MM-dd}");
        await ui.WaitUntilInteractiveAsync();
        await Expect(ui.Page.GetByTestId("booking-patient")).ToContainTextAsync(lastName);
        await ui.Page.GetByTestId("slot").First.ClickAsync();
        await Expect(ui.Page.GetByTestId("booking-done")).ToContainTextAsync($"Booked: Orla {lastName}");

        // Check in at the front desk, with the C key on the arrival's row.
        await ui.GotoAsync("frontdesk");
        await ui.WaitUntilInteractiveAsync();
        var row = ui.Page.GetByTestId("arrival").Filter(new() { HasTextString = lastName });
        await Expect(row).ToHaveAttributeAsync("data-status", "scheduled");
        await row.FocusAsync();
        await ui.Page.Keyboard.PressAsync("c");
        await Expect(row).ToHaveAttributeAsync("data-status", "checked-in");
        var appointmentId = await row.GetAttributeAsync("data-appointment");

        // The doctor sees the patient (their own steps, through the API); the front desk sees it live.
        foreach (var step in new[] { "startAppointment", "completeAppointment" })
        {
            var done = await app.GraphQLAsync($"mutation ($id: ID!) {{ {step}(input: {{ appointmentId: $id }}) {{ errors {{ ... on Error {{ message }} }} }} }}", new { id = appointmentId }, asUser: "doctor");
            Assert.True(done["data"]![step]!["errors"] is null, done.ToJsonString());
        }

        await Expect(row).ToHaveAttributeAsync("data-status", "completed");

        // Invoice the visit from the chart, issue it, take the whole balance by card.
        await row.GetByRole(AriaRole.Link, new() { NameString = $"Orla {lastName}" }).ClickAsync();
        await ui.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Invoices") }).ClickAsync();
        await ui.Page.GetByTestId("unbilled-item").Filter(new() { HasText = doctorName }).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Create invoice") }).ClickAsync();
        await ui.Page.WaitForURLAsync(new Regex("/invoices/[^/]+$"));
        await ui.WaitUntilInteractiveAsync();
        await ui.Page.GetByTestId("issue-invoice").ClickAsync();
        await Expect(ui.Page.GetByTestId("invoice-status")).ToHaveTextAsync("Issued");
        await ui.Page.GetByTestId("take-payment").ClickAsync();
        var dialog = ui.Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Card").CheckAsync();
        await dialog.GetByLabel("Reference").FillAsync("AUTH-777");
        await dialog.GetByTestId("payment-submit").ClickAsync();

        // Paid in full.
        await Expect(ui.Page.GetByTestId("invoice-status")).ToHaveTextAsync("Paid");
        await Expect(ui.Page.GetByTestId("invoice-balance")).ToHaveTextAsync("0.00");
        await ui.ScreenshotAsync("journey-paid");
        Assert.Empty(ui.Errors);
    }
}
