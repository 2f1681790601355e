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

    [Fact]
    public async Task AnOpenChart_RefreshesWhenItsPatientsAppointmentChanges()
    {
        var day = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);
        var found = await app.GraphQLAsync("query ($from: DateTime, $to: DateTime) { appointments(from: $from, to: $to, first: 1, where: { status: { eq: SCHEDULED } }) { nodes { id startsAt patient { id } } } }", new { from = day, to = day.AddDays(14) });
        var appointment = found["data"]!["appointments"]!["nodes"]![0]!;
        var when = DateTimeOffset.Parse((string)appointment["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await using var ui = await UiSession.StartAsync(app);
        var patientKey = Gql.Server.Relay.NodeIds.DecodeKey((string)appointment["patient"]!["id"]!, "Patient", typeof(int));

        // The chart listens to its own patient's appointments only (appointmentChanged(patientId:)).
        await app.ExpectSubscriptionAsync($"AppointmentChanged:patient:{patientKey}", () => ui.GotoAsync($"patients/{Uri.EscapeDataString((string)appointment["patient"]!["id"]!)}"));
        var row = ui.Page.Locator(".chart-table tbody tr").Filter(new() { HasTextString = when });
        await Expect(row.First).ToContainTextAsync("Scheduled");

        // Act: the front desk, elsewhere, cancels it.
        var cancel = await app.GraphQLAsync("mutation ($id: ID!) { cancelAppointment(input: { appointmentId: $id, reason: \"Rebooked by phone\" }) { errors { ... on Error { message } } } }", new { id = (string?)appointment["id"] }, asUser: "reception");
        Assert.Null(cancel["data"]!["cancelAppointment"]!["errors"]);

        // Assert: the open chart shows it without a reload.
        await Expect(row.First).ToContainTextAsync("Cancelled");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task TheLab_WorksAnOrderFromTheChart_ToAFlaggedResult()
    {
        var people = await app.GraphQLAsync("{ patients(first: 1, order: [{ lastName: DESC }]) { nodes { id } } doctors(first: 1) { nodes { id } } }", new { });
        var patientId = (string)people["data"]!["patients"]!["nodes"]![0]!["id"]!;
        var ordered = await app.GraphQLAsync(
            "mutation ($patient: ID!, $doctor: ID!) { orderLabTest(input: { patientId: $patient, orderedById: $doctor, testCode: \"K\", testName: \"Potassium\", priority: URGENT }) { labOrder { id } errors { ... on Error { message } } } }",
            new { patient = patientId, doctor = (string)people["data"]!["doctors"]!["nodes"]![0]!["id"]! });
        Assert.Null(ordered["data"]!["orderLabTest"]!["errors"]);
        await using var ui = await UiSession.StartAsync(app);
        await ui.GotoAsync($"patients/{Uri.EscapeDataString(patientId)}");
        await ui.Page.GetByRole(AriaRole.Tab, new() { Name = "Lab results" }).ClickAsync();
        var order = ui.Page.Locator("[data-testid=lab-order]").Filter(new() { HasTextString = "Potassium" }).Filter(new() { Has = ui.Page.GetByTestId("lab-steps") }).First;

        // Act: each step from the chart; the chart (a watched query) shows the next one by itself.
        await order.GetByRole(AriaRole.Button, new() { Name = "Specimen collected" }).ClickAsync();
        await order.GetByRole(AriaRole.Button, new() { Name = "Start analysis" }).ClickAsync();
        await order.GetByRole(AriaRole.Button, new() { Name = "Record result…" }).ClickAsync();
        await order.GetByRole(AriaRole.Button, new() { Name = "Save result" }).ClickAsync();
        await Expect(order.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Enter the value.");
        await order.GetByLabel("Potassium value").FillAsync("9.0");
        await order.GetByLabel("Unit").FillAsync("mmol/L");
        await order.GetByLabel("Reference low").FillAsync("3.5");
        await order.GetByLabel("Reference high").FillAsync("5.1");
        await ui.ScreenshotAsync("chart-lab-result-form");
        await ui.AssertAccessibleAsync("chart lab result form");
        await order.GetByRole(AriaRole.Button, new() { Name = "Save result" }).ClickAsync();

        // Assert: resulted, with the value flagged critical in words.
        var resulted = ui.Page.Locator("[data-testid=lab-order][data-status=resulted]").Filter(new() { HasTextString = "9.0" });
        await Expect(resulted.First).ToContainTextAsync("Critical");
        await Expect(resulted.First.Locator("tr.row-critical")).ToHaveCountAsync(1);
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task ALabNote_WrittenOnOneChart_AppearsOnAnotherOpenChartOfThePatient()
    {
        // Arrange: an order, its chart open for a doctor and, in a second browser, for a nurse.
        var people = await app.GraphQLAsync("{ patients(first: 2, order: [{ lastName: DESC }]) { nodes { id } } doctors(first: 1) { nodes { id } } }", new { });
        var patientId = (string)people["data"]!["patients"]!["nodes"]![1]!["id"]!;
        var ordered = await app.GraphQLAsync(
            "mutation ($patient: ID!, $doctor: ID!) { orderLabTest(input: { patientId: $patient, orderedById: $doctor, testCode: \"NA\", testName: \"Sodium\" }) { labOrder { id } errors { ... on Error { message } } } }",
            new { patient = patientId, doctor = (string)people["data"]!["doctors"]!["nodes"]![0]!["id"]! });
        Assert.Null(ordered["data"]!["orderLabTest"]!["errors"]);
        await using var doctor = await UiSession.StartAsync(app);
        await using var nurse = await UiSession.StartAsync(app, userName: "nurse");
        await app.ExpectSubscriptionAsync("LabNoteAdded", () => nurse.GotoAsync($"patients/{Uri.EscapeDataString(patientId)}"));
        await nurse.Page.GetByRole(AriaRole.Tab, new() { Name = "Lab results" }).ClickAsync();
        await doctor.GotoAsync($"patients/{Uri.EscapeDataString(patientId)}");
        await doctor.WaitUntilInteractiveAsync();
        await doctor.Page.GetByRole(AriaRole.Tab, new() { Name = "Lab results" }).ClickAsync();
        var order = doctor.Page.Locator("[data-testid=lab-order]").Filter(new() { HasTextString = "Sodium" }).First;

        // Act: the doctor writes a note (an empty one is refused first).
        await order.GetByTestId("add-lab-note").ClickAsync();
        await order.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await Expect(order.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Write the note first.");
        await order.GetByLabel("Note on Sodium").FillAsync("Sample haemolysed, please redraw");
        await doctor.AssertAccessibleAsync("chart lab note form");
        await order.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();

        // Assert: on the doctor's chart, and live on the nurse's, with its author.
        await Expect(order.GetByTestId("lab-note")).ToContainTextAsync("Sample haemolysed, please redraw");
        var seen = nurse.Page.Locator("[data-testid=lab-order]").Filter(new() { HasTextString = "Sodium" }).First.GetByTestId("lab-note");
        await Expect(seen).ToContainTextAsync("Sample haemolysed, please redraw");
        await nurse.ScreenshotAsync("chart-lab-note");
        Assert.Empty(doctor.Errors);
        Assert.Empty(nurse.Errors);
    }

    [Theory]
    [InlineData("doctor", true, false)]
    [InlineData("nurse", true, false)]
    [InlineData("reception", false, true)]
    [InlineData("admin", false, true)]
    public async Task TheChart_ShowsWhatTheRoleMayRead(string userName, bool clinical, bool billing)
    {
        var found = await app.GraphQLAsync("{ patients(first: 1, order: [{ mrn: ASC }]) { nodes { id mrn } } }");
        var patient = found["data"]!["patients"]!["nodes"]![0]!;
        await using var ui = await UiSession.StartAsync(app, userName: userName);

        await ui.GotoAsync($"patients/{Uri.EscapeDataString((string)patient["id"]!)}");

        // The chart loads whole (a section the role may not read is not asked for, so nothing is refused)...
        await Expect(ui.Page.GetByTestId("chart-mrn")).ToHaveTextAsync((string)patient["mrn"]!);
        await Expect(ui.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Appointments") })).ToHaveCountAsync(1);
        // ...with the clinical sections for doctors and nurses, and the invoices for reception and administration.
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Allergies" })).ToHaveCountAsync(clinical ? 1 : 0);
        await Expect(ui.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Encounters") })).ToHaveCountAsync(clinical ? 1 : 0);
        await Expect(ui.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Lab results") })).ToHaveCountAsync(clinical ? 1 : 0);
        await Expect(ui.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Invoices") })).ToHaveCountAsync(billing ? 1 : 0);
        Assert.Empty(ui.Errors);
    }
}
