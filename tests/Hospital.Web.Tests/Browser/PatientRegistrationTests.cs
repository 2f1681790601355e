using System.Text.RegularExpressions;
using Hospital.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>
/// The front desk registers a patient in Chromium as the reception demo account: "New patient" from the grid or the app
/// bar, the form's inline messages, the keyboard, possible duplicates, the chart after saving, and editing with a stale
/// form. At desktop and phone widths, with axe on the new pages.
/// </summary>
public sealed class PatientRegistrationTests(HospitalWebApp app) : IAsyncLifetime
{
    private readonly string lastName = "Quinlan" + Guid.NewGuid().ToString("N")[..6];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    // Other classes count the 60 demo patients: take away the ones registered here.
    public async ValueTask DisposeAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync();
        await db.Patients.Where(p => p.LastName == lastName).ExecuteDeleteAsync();
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task Reception_RegistersAPatientWithTheKeyboard_AndLandsOnTheChart(string viewport, int width, int height)
    {
        await using var ui = await UiSession.StartAsync(app, width, height, "reception");
        await ui.GotoAsync("patients");

        // "New patient": the grid's button on a desktop, the app bar's on a phone (both go to the same form).
        await ui.Page.Locator(viewport == "phone" ? "[data-testid=appbar-new-patient]" : "[data-testid=grid-new-patient]").ClickAsync();
        await ui.Page.WaitForURLAsync(new Regex("/patients/new$"));
        await ui.WaitUntilInteractiveAsync();
        var form = ui.Page.Locator("[data-testid=patient-form]");

        // Sent empty: every required field says what it needs, beside the field.
        await ui.Page.GetByLabel("First name").FocusAsync();
        await ui.Page.Keyboard.PressAsync("Enter");
        await Expect(ui.Page.Locator("[data-testid=form-summary]")).ToContainTextAsync("4 fields need attention");
        await Expect(ui.Page.Locator("#pf-firstName-error")).ToHaveTextAsync("Enter the first name.");
        await Expect(ui.Page.GetByLabel("First name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(ui.Page.Locator("#pf-dateOfBirth-error")).ToBeVisibleAsync();
        await ui.ScreenshotAsync($"patient-new-errors-{viewport}");
        await ui.AssertAccessibleAsync($"new patient with errors ({viewport})");

        // Keyboard only: type into each field and Tab on; the date and the choice too, then Enter sends the form.
        await ui.Page.GetByLabel("First name").FocusAsync();
        await ui.Page.Keyboard.TypeAsync("Maeve");
        await ui.Page.Keyboard.PressAsync("Tab");
        await ui.Page.Keyboard.TypeAsync(lastName);
        await ui.Page.Keyboard.PressAsync("Tab");
        await Expect(ui.Page.GetByLabel("Date of birth")).ToBeFocusedAsync();
        await ui.Page.GetByLabel("Date of birth").FillAsync("1991-04-23");
        // Chromium's date field has a stop per part (day, month, year): Tab on until the next field.
        await TabUntilFocusedAsync(ui.Page, "#pf-sex");
        await ui.Page.Locator("#pf-sex").SelectOptionAsync("Female");
        await ui.Page.Keyboard.PressAsync("Tab");
        await ui.Page.Keyboard.TypeAsync("+353 1 555 0199");
        await ui.Page.Keyboard.PressAsync("Tab");
        await ui.Page.Keyboard.TypeAsync("not-an-email");
        await ui.Page.Keyboard.PressAsync("Enter");
        await Expect(ui.Page.Locator("#pf-email-error")).ToContainTextAsync("email address");
        await Expect(ui.Page.Locator("#pf-firstName-error")).ToHaveCountAsync(0);

        await ui.Page.GetByLabel("Email").FillAsync("");
        await ui.Page.GetByLabel("Email").PressAsync("Enter");

        // Saved: the chart opens with the new MRN.
        await ui.Page.WaitForURLAsync(new Regex("/patients/(?!new)[^/]+$"));
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{lastName}, Maeve");
        await Expect(ui.Page.Locator("[data-testid=chart-mrn]")).ToHaveTextAsync(new Regex(@"^MRN-\d{7}$"));
        await ui.ScreenshotAsync($"patient-new-chart-{viewport}");
        await ui.AssertAccessibleAsync($"chart of a new patient ({viewport})");
        Assert.Empty(ui.Errors);
        await Expect(form).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Reception_RegisteringAPossibleDuplicate_SeesItWithALink_AndCanGoOn()
    {
        var existing = (await app.GraphQLAsync("{ patients(first: 1) { nodes { id firstName lastName dateOfBirth } } }", asUser: "reception"))["data"]!["patients"]!["nodes"]![0]!;
        await using var ui = await UiSession.StartAsync(app, userName: "reception");
        await ui.GotoAsync("patients/new");

        // The same name and birth date as a registered patient, written another way (case).
        await ui.Page.GetByLabel("First name").FillAsync(((string)existing["firstName"]!).ToUpperInvariant());
        await ui.Page.GetByLabel("Last name").FillAsync(lastName);
        await ui.Page.GetByLabel("Date of birth").FillAsync((string)existing["dateOfBirth"]!);
        await ui.Page.Locator("#pf-sex").SelectOptionAsync("Male");
        await ui.Page.GetByLabel("Phone", new() { Exact = true }).FillAsync("+1 555 000 0001");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Register patient" }).ClickAsync();

        // Not a duplicate by name (the last name is new): nothing to show, the patient is registered.
        await ui.Page.WaitForURLAsync(new Regex("/patients/(?!new)[^/]+$"));
        var first = ui.Page.Url;

        // A second registration with the same name, birth date and phone: the first one is shown, with a link.
        await ui.GotoAsync("patients/new");
        await ui.Page.GetByLabel("First name").FillAsync(((string)existing["firstName"]!).ToLowerInvariant());
        await ui.Page.GetByLabel("Last name").FillAsync(lastName);
        await ui.Page.GetByLabel("Date of birth").FillAsync((string)existing["dateOfBirth"]!);
        await ui.Page.Locator("#pf-sex").SelectOptionAsync("Male");
        await ui.Page.GetByLabel("Phone", new() { Exact = true }).FillAsync("+1 555 000 0001");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Register patient" }).ClickAsync();

        var duplicates = ui.Page.Locator("[data-testid=possible-duplicates]");
        await Expect(duplicates).ToContainTextAsync("Possible duplicate");
        var link = duplicates.GetByRole(AriaRole.Link);
        await Expect(link).ToHaveCountAsync(1);
        Assert.EndsWith(await link.GetAttributeAsync("href") ?? "", first, StringComparison.Ordinal);
        await ui.AssertAccessibleAsync("new patient with a possible duplicate");

        // Go on: the button now registers a new patient anyway.
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Register as a new patient" }).ClickAsync();
        await Expect(ui.Page).Not.ToHaveURLAsync(new Regex("/patients/new$"));
        await Expect(ui.Page).Not.ToHaveURLAsync(first);
        await Expect(ui.Page.Locator("[data-testid=chart-mrn]")).ToHaveTextAsync(new Regex(@"^MRN-\d{7}$"));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, await db.Patients.CountAsync(p => p.LastName == lastName, TestContext.Current.CancellationToken));
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Reception_EditingAPatientSomeoneElseChanged_SeesWhatChanged_AndCanSaveOverIt()
    {
        var created = (await app.GraphQLAsync(
            "mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { id version } } }",
            new { i = new { firstName = "Nora", lastName, dateOfBirth = "1960-02-02", sex = "FEMALE" } },
            asUser: "reception"))["data"]!["registerPatient"]!["patient"]!;
        var id = (string)created["id"]!;
        await using var ui = await UiSession.StartAsync(app, userName: "reception");
        await ui.GotoAsync($"patients/{Uri.EscapeDataString(id)}");
        await ui.Page.Locator("[data-testid=chart-edit]").ClickAsync();
        await ui.Page.WaitForURLAsync(new Regex("/edit$"));
        await ui.WaitUntilInteractiveAsync();
        await Expect(ui.Page.GetByLabel("First name")).ToHaveValueAsync("Nora");

        // Someone else saves a new phone number while this form is open.
        var other = await app.GraphQLAsync(
            "mutation($i: UpdatePatientInput!) { updatePatient(input: $i) { patient { version } } }",
            new { i = new { patientId = id, version = 0, firstName = "Nora", lastName, dateOfBirth = "1960-02-02", sex = "FEMALE", phone = "+1 555 222 3333" } },
            asUser: "admin");
        Assert.Equal(1, (int)other["data"]!["updatePatient"]!["patient"]!["version"]!);

        await ui.Page.GetByLabel("First name").FillAsync("Norah");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var message = ui.Page.Locator("[data-testid=concurrency-message]");
        await Expect(message).ToContainTextAsync("They changed: first name, phone.");
        await ui.AssertAccessibleAsync("edit patient with a concurrent change");

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Save mine over theirs" }).ClickAsync();
        await ui.Page.WaitForURLAsync(url => !url.EndsWith("/edit", StringComparison.Ordinal));
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{lastName}, Norah");

        // Deactivated, not deleted: the chart says so, and the record can be reactivated.
        await ui.Page.Locator("[data-testid=chart-edit]").ClickAsync();
        await ui.Page.Locator("[data-testid=deactivate-patient]").ClickAsync();
        await Expect(ui.Page.GetByText("Inactive record")).ToBeVisibleAsync();
        await ui.AssertAccessibleAsync("chart of an inactive patient");
        await ui.Page.Locator("[data-testid=chart-edit]").ClickAsync();
        await ui.Page.Locator("[data-testid=reactivate-patient]").ClickAsync();
        await Expect(ui.Page.Locator("[data-testid=chart-mrn]")).ToBeVisibleAsync();
        await Expect(ui.Page.GetByText("Inactive record")).ToHaveCountAsync(0);
        Assert.Empty(ui.Errors);
    }

    private static async Task TabUntilFocusedAsync(IPage page, string selector)
    {
        for (var i = 0; i < 4 && !await page.Locator(selector).EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(page.Locator(selector)).ToBeFocusedAsync();
    }
}
