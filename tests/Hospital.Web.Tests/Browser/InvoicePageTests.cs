using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>
/// Billing at the front desk in a browser: a completed visit invoiced from the chart, a line added, issued, paid in
/// two parts and partly refunded; voiding; the print view; the unpaid-invoices list and its filters; who sees them.
/// </summary>
public sealed class InvoicePageTests(HospitalWebApp app)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Reception_InvoicesACompletedVisitFromTheChart_IssuesIt_TakesItInTwoPayments_AndRefundsPart()
    {
        var visit = await CompletedVisitAsync();
        await using var ui = await UiSession.StartAsync(app, userName: "reception");
        await ui.GotoAsync($"patients/{Uri.EscapeDataString(visit.PatientId)}");

        // Act: the chart's invoices tab offers the visit; creating it opens the draft.
        await ui.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Invoices") }).ClickAsync();
        var unbilled = ui.Page.GetByTestId("unbilled-item").Filter(new() { HasText = visit.Doctor });
        await unbilled.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Create invoice") }).ClickAsync();
        await ui.Page.WaitForURLAsync(new Regex("/invoices/[^/]+$"));
        await ui.WaitUntilInteractiveAsync();
        await Expect(ui.Page.GetByTestId("invoice-status")).ToHaveTextAsync("Draft");
        await Expect(ui.Page.GetByTestId("invoice-line")).ToHaveCountAsync(1);
        var fee = Money(await ui.Page.GetByTestId("invoice-total").TextContentAsync());

        // Act: a line with a price that is not one, then with a right one.
        await ui.Page.GetByTestId("add-line").ClickAsync();
        var form = ui.Page.GetByTestId("line-form");
        await form.GetByLabel("Description").FillAsync("Wound dressing");
        await form.GetByLabel("Quantity").FillAsync("2");
        await form.GetByLabel("Unit price").FillAsync("twelve");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add line" }).ClickAsync();
        await Expect(form.GetByLabel("Unit price")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.Locator("[data-field=unitPrice]")).ToContainTextAsync("An amount such as");
        await ui.ScreenshotAsync("invoice-line-form");
        await ui.AssertAccessibleAsync("invoice line form with a message");
        await form.GetByLabel("Unit price").FillAsync("12.50");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add line" }).ClickAsync();

        // Assert: the line is on the invoice and in its total.
        await Expect(ui.Page.GetByTestId("invoice-line")).ToHaveCountAsync(2);
        var total = fee + 25m;
        await Expect(ui.Page.GetByTestId("invoice-total")).ToHaveTextAsync(Text(total));
        await Expect(ui.Page.GetByTestId("add-line")).ToBeFocusedAsync();

        // Act: issue it; take part of it in cash (after asking for more than is owed).
        await ui.Page.GetByTestId("issue-invoice").ClickAsync();
        await Expect(ui.Page.GetByTestId("invoice-status")).ToHaveTextAsync("Issued");
        await Expect(ui.Page.GetByTestId("add-line")).ToHaveCountAsync(0);
        await ui.Page.GetByTestId("take-payment").ClickAsync();
        var dialog = ui.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Amount")).ToHaveValueAsync(total.ToString("0.00", Invariant));
        await dialog.GetByLabel("Amount").FillAsync((total + 1m).ToString("0.00", Invariant));
        await dialog.GetByTestId("payment-submit").ClickAsync();
        await Expect(dialog.Locator("[data-field=amount]")).ToHaveTextAsync($"At most the balance, {Text(total)}.");
        await ui.ScreenshotAsync("invoice-payment-dialog");
        await ui.AssertAccessibleAsync("take payment dialog");
        await dialog.GetByLabel("Amount").FillAsync("20");
        await dialog.GetByLabel("Cash").CheckAsync();
        await dialog.GetByLabel("Amount").PressAsync("Enter");

        // Assert: partly paid, and what is owed is the rest.
        await Expect(ui.Page.GetByTestId("invoice-status")).ToHaveTextAsync("Partly paid");
        await Expect(ui.Page.GetByTestId("invoice-balance")).ToHaveTextAsync(Text(total - 20m));

        // Act: the rest by card, from the keyboard (the amount is already the balance).
        await ui.Page.GetByTestId("take-payment").ClickAsync();
        await Expect(dialog.GetByLabel("Amount")).ToHaveValueAsync((total - 20m).ToString("0.00", Invariant));
        await dialog.GetByLabel("Card").CheckAsync();
        await dialog.GetByLabel("Reference").FillAsync("AUTH-424242");
        await dialog.GetByLabel("Reference").PressAsync("Enter");

        // Assert
        await Expect(ui.Page.GetByTestId("invoice-status")).ToHaveTextAsync("Paid");
        await Expect(ui.Page.GetByTestId("invoice-balance")).ToHaveTextAsync("0.00");
        await Expect(ui.Page.GetByTestId("take-payment")).ToHaveCountAsync(0);
        await Expect(ui.Page.GetByTestId("invoice-payment")).ToHaveCountAsync(2);

        // Act: give 5.00 of the cash back, a reason being required.
        await ui.Page.GetByTestId("invoice-payment").Filter(new() { HasText = "Cash" }).GetByTestId("refund-button").ClickAsync();
        await dialog.GetByLabel("Amount to refund").FillAsync("5");
        await dialog.GetByTestId("refund-submit").ClickAsync();
        await Expect(dialog.Locator("[data-field=reason]")).ToHaveTextAsync("Enter why the money is given back.");
        await dialog.GetByLabel("Reason").FillAsync("Dressing charged twice");
        await dialog.GetByTestId("refund-submit").ClickAsync();

        // Assert
        await Expect(ui.Page.GetByTestId("invoice-status")).ToHaveTextAsync("Partly paid");
        await Expect(ui.Page.GetByTestId("invoice-balance")).ToHaveTextAsync("5.00");
        await Expect(ui.Page.GetByTestId("invoice-refund")).ToContainTextAsync("Dressing charged twice");
        await ui.ScreenshotAsync("invoice-paid-refunded");
        await ui.AssertAccessibleAsync("invoice after payments and a refund");

        // The chart's tab shows the invoice with its lines and payments, and no longer offers the visit.
        await ui.Page.GetByRole(AriaRole.Link, new() { Name = visit.PatientName }).ClickAsync();
        await ui.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Invoices") }).ClickAsync();
        await Expect(ui.Page.GetByTestId("chart-invoices")).ToBeVisibleAsync();
        await Expect(ui.Page.GetByTestId("unbilled-item").Filter(new() { HasText = visit.Doctor })).ToHaveCountAsync(0);
        var row = ui.Page.GetByTestId("chart-invoice").Filter(new() { HasText = "Partly paid" }).First;
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Show lines and payments") }).ClickAsync();
        var detail = ui.Page.GetByTestId("chart-invoice-detail");
        await Expect(detail).ToContainTextAsync("Wound dressing");
        await Expect(detail).ToContainTextAsync("AUTH-424242");
        await Expect(detail).ToContainTextAsync("Dressing charged twice");
        await ui.ScreenshotAsync("chart-invoices");
        await ui.AssertAccessibleAsync("chart invoices tab");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Void_AsksForAReason_AndEndsTheInvoice()
    {
        var visit = await CompletedVisitAsync();
        var created = await app.GraphQLAsync(
            "mutation ($id: ID!) { createInvoice(input: { appointmentId: $id }) { invoice { id number } } }", new { id = visit.Id }, asUser: "reception");
        var invoiceId = (string)created["data"]!["createInvoice"]!["invoice"]!["id"]!;
        await using var ui = await UiSession.StartAsync(app, userName: "reception");
        await ui.GotoAsync($"invoices/{Uri.EscapeDataString(invoiceId)}");

        // Act
        await ui.Page.GetByTestId("void-invoice").ClickAsync();
        var dialog = ui.Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("void-submit").ClickAsync();
        await Expect(dialog.GetByLabel("Reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await dialog.GetByLabel("Reason").FillAsync("Visit was free of charge");
        await dialog.GetByTestId("void-submit").ClickAsync();

        // Assert: void, with its reason, and nothing more to do with it.
        await Expect(ui.Page.GetByTestId("invoice-status")).ToHaveTextAsync("Void");
        await Expect(ui.Page.GetByText("Visit was free of charge")).ToBeVisibleAsync();
        await Expect(ui.Page.GetByTestId("void-invoice")).ToHaveCountAsync(0);
        await Expect(ui.Page.GetByTestId("issue-invoice")).ToHaveCountAsync(0);
        Assert.Empty(ui.Errors);
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task InvoicePage_AndItsPrintView_AreAccessible_AndPrintWithTheHospitalsName(string viewport, int width, int height)
    {
        var invoice = await FirstInvoiceAsync("PARTIALLY_PAID");
        await using var ui = await UiSession.StartAsync(app, width, height, "reception");

        // Act
        await ui.GotoAsync($"invoices/{Uri.EscapeDataString(invoice.Id)}");

        // Assert: the page.
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = $"Invoice {invoice.Number}", Level = 1 })).ToBeVisibleAsync();
        await Expect(ui.Page.GetByTestId("invoice-balance")).ToHaveTextAsync(Text(invoice.Balance));
        await Expect(ui.Page.GetByTestId("take-payment")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(ui, width);
        await ui.ScreenshotAsync($"invoice-{viewport}");
        await ui.Page.GetByTestId("invoice-payment").First.ScrollIntoViewIfNeededAsync();
        await ui.ScreenshotAsync($"invoice-payments-{viewport}");
        await ui.AssertAccessibleAsync($"invoice ({viewport})");

        // Act: the print view, on screen and as printed.
        await ui.GotoAsync($"invoices/{Uri.EscapeDataString(invoice.Id)}/print");

        // Assert
        await Expect(ui.Page.GetByTestId("sheet-hospital")).ToHaveTextAsync("City Hospital");
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = $"Invoice {invoice.Number}", Level = 1 })).ToBeVisibleAsync();
        await Expect(ui.Page.GetByTestId("sheet-balance")).ToHaveTextAsync(Text(invoice.Balance));
        await Expect(ui.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCountAsync(0);
        await Expect(ui.Page.GetByTestId("print-button")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(ui, width);
        await ui.ScreenshotAsync($"invoice-print-{viewport}");
        await ui.AssertAccessibleAsync($"invoice print view ({viewport})");
        await ui.Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(ui.Page.GetByTestId("print-button")).ToBeHiddenAsync();
        await Expect(ui.Page.GetByTestId("sheet-hospital")).ToBeVisibleAsync();
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task DarkTheme_KeepsContrast_OnTheInvoiceAndTheList()
    {
        var invoice = await FirstInvoiceAsync("PARTIALLY_PAID");
        await using var ui = await UiSession.StartAsync(app, userName: "reception");
        await ui.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });

        await ui.GotoAsync($"invoices/{Uri.EscapeDataString(invoice.Id)}");
        await Expect(ui.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(ui.Page.GetByTestId("invoice-balance")).ToHaveTextAsync(Text(invoice.Balance));
        await ui.AssertAccessibleAsync("invoice (dark)");
        await ui.GotoAsync($"invoices/{Uri.EscapeDataString(invoice.Id)}/print");
        await Expect(ui.Page.GetByTestId("sheet-hospital")).ToBeVisibleAsync();
        await ui.ScreenshotAsync("invoice-print-dark");
        await ui.AssertAccessibleAsync("invoice print view (dark: printed on white all the same)");
        await ui.GotoAsync("invoices?overdue=true");
        await Expect(ui.Page.GetByTestId("invoice-row").First).ToBeVisibleAsync();
        await ui.ScreenshotAsync("invoices-dark");
        await ui.AssertAccessibleAsync("invoices (dark)");
        Assert.Empty(ui.Errors);
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task InvoiceList_ShowsUnpaidFirst_AndFiltersByStatusOverdueAndPatient(string viewport, int width, int height)
    {
        await using var ui = await UiSession.StartAsync(app, width, height, "reception");
        await ui.GotoAsync("invoices");
        var rows = ui.Page.GetByTestId("invoice-row");

        // Assert: by default only what is owed.
        await Expect(rows.First).ToBeVisibleAsync();
        Assert.All(await StatusesAsync(ui), s => Assert.Contains(s, new[] { "Issued", "PartiallyPaid" }));
        await AssertNoSidewaysScrollAsync(ui, width);
        await ui.ScreenshotAsync($"invoices-{viewport}");
        await ui.AssertAccessibleAsync($"invoices ({viewport})");

        // Act: overdue only.
        await ui.Page.GetByLabel("Overdue only").CheckAsync();
        await Expect(ui.Page.GetByTestId("invoices-subtitle")).ToContainTextAsync("overdue");
        await Expect(ui.Page.Locator("[data-state=ready]")).ToBeVisibleAsync();

        // Assert: every due date shown is before today.
        var due = await ui.Page.GetByTestId("invoice-due").AllInnerTextsAsync();
        Assert.NotEmpty(due);
        Assert.All(due, d => Assert.True(DateOnly.ParseExact(d.Replace("Due ", "", StringComparison.Ordinal).Replace(" (overdue)", "", StringComparison.Ordinal).Trim(), "d MMM yyyy", Invariant) < HospitalWebApp.Today, d));

        // Act: paid ones of one patient, by the start of their last name.
        await ui.Page.GetByLabel("Overdue only").UncheckAsync();
        await ui.Page.GetByLabel("Status").SelectOptionAsync("Paid");
        await Expect(ui.Page.GetByTestId("invoices-subtitle")).ToHaveTextAsync(new Regex("^[0-9,]+ paid invoices?, page 1$"));
        await Expect(ui.Page.Locator("[data-state=ready]")).ToBeVisibleAsync();
        Assert.All(await StatusesAsync(ui), s => Assert.Equal("Paid", s));
        var patient = (await rows.First.Locator("td").Nth(1).InnerTextAsync()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[^2];
        await ui.Page.GetByLabel("Patient or number").FillAsync(patient);
        await ui.Page.GetByLabel("Patient or number").PressAsync("Enter");
        await Expect(ui.Page.GetByTestId("invoices-subtitle")).ToContainTextAsync($"matching “{patient}”");

        // Assert
        var patients = await ui.Page.Locator("[data-testid=invoice-row] td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(patients);
        Assert.All(patients, p => Assert.Contains(patient, p, StringComparison.OrdinalIgnoreCase));
        Assert.All(await StatusesAsync(ui), s => Assert.Equal("Paid", s));

        // Act: open one and come back: the list is as it was left (its filters are in the address).
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(ui.Page.GetByTestId("invoice-status")).ToHaveTextAsync("Paid");
        await ui.Page.GoBackAsync();

        // Assert
        await Expect(ui.Page.GetByTestId("invoices-subtitle")).ToContainTextAsync($"paid invoice");
        await Expect(ui.Page.GetByTestId("invoices-subtitle")).ToContainTextAsync($"matching “{patient}”");
        await Expect(ui.Page.GetByLabel("Patient or number")).ToHaveValueAsync(patient);
        await Expect(ui.Page.GetByLabel("Status")).ToHaveValueAsync("Paid");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Nav_ShowsInvoicesToTheFrontDeskAndAdmins_AndDoctorsAreSentHome()
    {
        await using var reception = await UiSession.StartAsync(app, userName: "reception");
        await using var admin = await UiSession.StartAsync(app, userName: "admin");
        await using var doctor = await UiSession.StartAsync(app, userName: "doctor");

        await reception.GotoAsync("");
        await admin.GotoAsync("");
        await doctor.GotoAsync("invoices");

        await Expect(reception.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Invoices")).ToBeVisibleAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Invoices")).ToBeVisibleAsync();
        await Expect(doctor.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Invoices")).ToHaveCountAsync(0);
        // Sent to the home page (the sign-in cookie's access-denied path), never shown an invoice.
        await Expect(doctor.Page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 })).ToBeVisibleAsync();
        await Expect(doctor.Page.GetByTestId("invoice-table")).ToHaveCountAsync(0);
    }

    private static async Task<IReadOnlyList<string>> StatusesAsync(UiSession ui) =>
        (await ui.Page.GetByTestId("invoice-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)")).ToList();

    private static async Task AssertNoSidewaysScrollAsync(UiSession ui, int width)
    {
        if (width < 500)
        {
            Assert.True(await ui.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        }
    }

    private static string Text(decimal amount) => amount.ToString("N2", Invariant);

    private static decimal Money(string? text) => decimal.Parse(text!, NumberStyles.Number, Invariant);

    private async Task<(string Id, string Number, decimal Balance)> FirstInvoiceAsync(string status)
    {
        var found = await app.GraphQLAsync(
            "query ($s: InvoiceStatus!) { invoices(first: 1, where: { status: { eq: $s } }, order: [{ number: ASC }]) { nodes { id number balance } } }",
            new { s = status },
            asUser: "reception");
        var node = found["data"]!["invoices"]!["nodes"]![0]!;
        return ((string)node["id"]!, (string)node["number"]!, (decimal)node["balance"]!);
    }

    /// <summary>
    /// A visit taken through check-in, start and completion by the people whose steps they are: the first one still
    /// scheduled from mid-December on (the schedule's tests work on earlier days).
    /// </summary>
    private async Task<(string Id, string PatientId, string PatientName, string Doctor)> CompletedVisitAsync()
    {
        var from = new DateTimeOffset(2026, 12, 14, 0, 0, 0, TimeSpan.Zero);
        var found = await app.GraphQLAsync(
            "query ($from: DateTime, $to: DateTime) { appointments(from: $from, to: $to, first: 1, where: { status: { eq: SCHEDULED } }) { nodes { id patient { id fullName } doctor { id fullName } } } }",
            new { from, to = from.AddDays(60) },
            asUser: "reception");
        var node = found["data"]!["appointments"]!["nodes"]![0]!;
        var id = (string)node["id"]!;
        var doctor = await app.AccountForStaffMemberAsync((string)node["doctor"]!["id"]!, "Doctor");
        foreach (var (mutation, user) in new[] { ("checkInAppointment", "reception"), ("startAppointment", doctor), ("completeAppointment", doctor) })
        {
            var done = await app.GraphQLAsync($"mutation ($id: ID!) {{ {mutation}(input: {{ appointmentId: $id }}) {{ errors {{ ... on Error {{ message }} }} }} }}", new { id }, asUser: user);
            Assert.True(done["data"]![mutation]!["errors"] is null, done.ToJsonString());
        }

        return (id, (string)node["patient"]!["id"]!, (string)node["patient"]!["fullName"]!, (string)node["doctor"]!["fullName"]!);
    }
}
